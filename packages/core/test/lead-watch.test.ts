// @vitest-environment jsdom
import { createConsentStorage, type LeadRules, watchLead } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const HOUR = 3_600_000;

/** Rules with only the triggers `on` enabled. */
function rules(on: Partial<LeadRules['triggers']>, repeatAfterHours = 24): LeadRules {
  return {
    triggers: {
      timeOnPage: { enabled: false, seconds: 30 },
      scrollDepth: { enabled: false, percent: 50 },
      pagesViewed: { enabled: false, count: 3 },
      exitIntent: { enabled: false },
      inactivity: { enabled: false, seconds: 60 },
      ...on,
    },
    repeatAfterHours,
    skipIfPhoneLeft: true,
  };
}

/** A Storage in memory that records writes. */
function area() {
  const data = new Map<string, string>();
  return {
    data,
    storage: {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
    } as unknown as Storage,
  };
}

/** A page's watch over `local` and `session`; `consented`: storage allowed from the start. */
function page(
  r: LeadRules,
  local = area(),
  session = area(),
  { consented = true, phoneLeft = false, touch = false } = {},
) {
  const opened: string[] = [];
  const storage = createConsentStorage(consented, () => local.storage);
  const sessionStorage_ = createConsentStorage(consented, () => session.storage);
  const watch = watchLead({
    rules: r,
    storage,
    session: sessionStorage_,
    name: 'callback:lead:w',
    phoneLeft: () => phoneLeft,
    open: (trigger) => {
      opened.push(trigger);
      return true;
    },
    onPageFor: 0,
    touch,
  });
  return { opened, watch, storage, local, session };
}

function scrollTo(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  window.dispatchEvent(new Event('scroll'));
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-03-04T07:00:00Z') });
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: 3000,
    configurable: true,
  });
  Object.defineProperty(window, 'innerHeight', { value: 1000, configurable: true });
  scrollTo(0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the lead generator’s triggers', () => {
  it('time on page: opens once the visitor has spent N seconds on the page', () => {
    const p = page(rules({ timeOnPage: { enabled: true, seconds: 30 } }));
    vi.advanceTimersByTime(29_000);
    expect(p.opened).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(p.opened).toEqual(['timeOnPage']);
    vi.advanceTimersByTime(60_000);
    expect(p.opened).toEqual(['timeOnPage']);
  });

  it('time on page counts the time spent before the watch started', () => {
    const opened: string[] = [];
    watchLead({
      rules: rules({ timeOnPage: { enabled: true, seconds: 30 } }),
      storage: createConsentStorage(false, () => area().storage),
      session: createConsentStorage(false, () => area().storage),
      name: 'callback:lead:w',
      phoneLeft: () => false,
      open: (trigger) => opened.push(trigger) > 0,
      onPageFor: 25_000,
    });
    vi.advanceTimersByTime(5_000);
    expect(opened).toEqual(['timeOnPage']);
  });

  it('scroll depth: opens when the page is scrolled N % of the way down', () => {
    const p = page(rules({ scrollDepth: { enabled: true, percent: 50 } }));
    scrollTo(900); // 45 % of the 2000 px that can be scrolled
    expect(p.opened).toEqual([]);
    scrollTo(1000);
    expect(p.opened).toEqual(['scrollDepth']);
    scrollTo(2000);
    expect(p.opened).toEqual(['scrollDepth']);
  });

  it('scroll depth never fires on a page that cannot scroll', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', {
      value: 1000,
      configurable: true,
    });
    const p = page(rules({ scrollDepth: { enabled: true, percent: 10 } }));
    scrollTo(0);
    expect(p.opened).toEqual([]);
  });

  it('pages viewed: counts the session’s pages and opens on the Nth', () => {
    const r = rules({ pagesViewed: { enabled: true, count: 3 } });
    const local = area();
    const session = area();
    for (let n = 1; n <= 2; n++) {
      const p = page(r, local, session);
      vi.runOnlyPendingTimers();
      expect(p.opened).toEqual([]);
      p.watch.stop();
    }
    expect(session.data.get('frontdesk:callback:lead:w:pages')).toBe('2');
    const third = page(r, local, session);
    vi.runOnlyPendingTimers();
    expect(third.opened).toEqual(['pagesViewed']);
  });

  it('leaving intent: the pointer leaves through the top of the window', () => {
    const p = page(rules({ exitIntent: { enabled: true } }));
    // Out through the bottom, or into another element: not leaving.
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 700, relatedTarget: null }));
    document.body.dispatchEvent(
      new MouseEvent('mouseout', { clientY: 0, relatedTarget: document.body, bubbles: true }),
    );
    expect(p.opened).toEqual([]);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    expect(p.opened).toEqual(['exitIntent']);
  });

  it('leaving intent on a touch screen: a fast scroll up', () => {
    scrollTo(1500);
    const p = page(rules({ exitIntent: { enabled: true } }), area(), area(), { touch: true });
    // A slow scroll up is reading.
    for (let y = 1450; y >= 1100; y -= 50) {
      vi.advanceTimersByTime(200);
      scrollTo(y);
    }
    expect(p.opened).toEqual([]);
    vi.advanceTimersByTime(200);
    scrollTo(1000);
    vi.advanceTimersByTime(100);
    scrollTo(650);
    expect(p.opened).toEqual(['exitIntent']);
  });

  it('inactivity: opens after N seconds without input; input restarts the count', () => {
    const p = page(rules({ inactivity: { enabled: true, seconds: 10 } }));
    vi.advanceTimersByTime(9_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9_000);
    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(9_000);
    expect(p.opened).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(p.opened).toEqual(['inactivity']);
  });

  it('any one enabled trigger opens it, only once per page', () => {
    const p = page(
      rules({
        timeOnPage: { enabled: true, seconds: 5 },
        inactivity: { enabled: true, seconds: 3 },
        scrollDepth: { enabled: true, percent: 10 },
      }),
    );
    vi.advanceTimersByTime(3_000);
    scrollTo(2000);
    vi.advanceTimersByTime(10_000);
    expect(p.opened).toEqual(['inactivity']);
  });

  it('disabled triggers do nothing', () => {
    const p = page(rules({}));
    scrollTo(2000);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    vi.advanceTimersByTime(HOUR);
    expect(p.opened).toEqual([]);
  });

  it('tries again on the next trigger when the widget could not open', () => {
    const opened: string[] = [];
    let can = false;
    watchLead({
      rules: rules({ scrollDepth: { enabled: true, percent: 10 } }),
      storage: createConsentStorage(true, () => area().storage),
      session: createConsentStorage(true, () => area().storage),
      name: 'callback:lead:w',
      phoneLeft: () => false,
      open: (trigger) => {
        opened.push(trigger);
        return can;
      },
      onPageFor: 0,
    });
    scrollTo(500);
    can = true;
    scrollTo(600);
    scrollTo(700);
    expect(opened).toEqual(['scrollDepth', 'scrollDepth']);
  });
});

describe('the repeat period and the phone-left rule', () => {
  const r = rules({ timeOnPage: { enabled: true, seconds: 1 } }, 2);

  it('opens at most once per period across pages once storage is allowed', () => {
    const local = area();
    const first = page(r, local);
    vi.advanceTimersByTime(1_000);
    expect(first.opened).toEqual(['timeOnPage']);
    expect(local.data.get('frontdesk:callback:lead:w:shown')).toBe(String(Date.now()));

    vi.advanceTimersByTime(2 * HOUR - 10_000);
    const second = page(r, local);
    vi.advanceTimersByTime(5_000);
    expect(second.opened).toEqual([]);

    vi.advanceTimersByTime(10_000);
    const third = page(r, local);
    vi.advanceTimersByTime(1_000);
    expect(third.opened).toEqual(['timeOnPage']);
  });

  it('before consent keeps the period and the counters in the page only', () => {
    const local = area();
    const session = area();
    const p = page(
      rules({
        timeOnPage: { enabled: true, seconds: 1 },
        inactivity: { enabled: true, seconds: 5 },
        pagesViewed: { enabled: true, count: 2 },
      }),
      local,
      session,
      { consented: false },
    );
    vi.advanceTimersByTime(HOUR);
    // Within the page: once.
    expect(p.opened).toEqual(['timeOnPage']);
    expect(p.storage.get('callback:lead:w:shown')).toBe(String(Date.now() - HOUR + 1_000));
    expect(local.data.size).toBe(0);
    expect(session.data.size).toBe(0);

    // A new page knows nothing of it (nothing was stored): the count starts again.
    const next = page(rules({ pagesViewed: { enabled: true, count: 2 } }), local, session, {
      consented: false,
    });
    vi.advanceTimersByTime(HOUR);
    expect(next.opened).toEqual([]);

    // Consent writes what the page kept.
    p.storage.allow();
    expect(local.data.get('frontdesk:callback:lead:w:shown')).toBeDefined();
  });

  it('never opens for a visitor who left a phone number', () => {
    const p = page(
      rules({
        timeOnPage: { enabled: true, seconds: 1 },
        scrollDepth: { enabled: true, percent: 10 },
        exitIntent: { enabled: true },
      }),
      area(),
      area(),
      { phoneLeft: true },
    );
    vi.advanceTimersByTime(HOUR);
    scrollTo(2000);
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null }));
    expect(p.opened).toEqual([]);
  });

  it('opens for such a visitor when the rule is off', () => {
    const p = page({ ...r, skipIfPhoneLeft: false }, area(), area(), { phoneLeft: true });
    vi.advanceTimersByTime(1_000);
    expect(p.opened).toEqual(['timeOnPage']);
  });

  it('stops watching when stopped', () => {
    const p = page(rules({ scrollDepth: { enabled: true, percent: 10 } }));
    p.watch.stop();
    scrollTo(2000);
    expect(p.opened).toEqual([]);
  });
});
