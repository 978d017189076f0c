// @vitest-environment jsdom
import { start } from '@frontdesk/callback';
import type { CallbackSettings } from '@frontdesk/config';
import type { WidgetHost } from '@frontdesk/core';
import { PHONE_LEFT } from '@frontdesk/core';
import { within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubPresence } from '../../core/test/support/presence';
import { waitFor } from '../../core/test/support/wait-for';
import { inWidget } from '../../core/test/support/widget-root';
import { callbackConfig } from './fixtures';

const ALL_DAY = { from: '00:00', to: '24:00' };
const ALWAYS = {
  mon: ALL_DAY,
  tue: ALL_DAY,
  wed: ALL_DAY,
  thu: ALL_DAY,
  fri: ALL_DAY,
  sat: ALL_DAY,
  sun: ALL_DAY,
};

/** A config open around the clock whose lead generator opens after a second on the page. */
function leadConfig(change: (s: CallbackSettings) => CallbackSettings = (s) => s) {
  return callbackConfig(
    (s) =>
      change({
        ...s,
        schedule: { ...s.schedule, week: ALWAYS, holidays: false },
        leadGenerator: {
          ...s.leadGenerator,
          enabled: true,
          triggers: {
            ...s.leadGenerator.triggers,
            timeOnPage: { enabled: true, seconds: 1 },
          },
        },
      }),
    new Date(),
  );
}

function host(config: unknown, extra: Partial<WidgetHost> = {}): WidgetHost {
  return {
    key: 'lead-test',
    config,
    consent: false,
    api: 'https://fd.example/v1/',
    emit: vi.fn(),
    report: vi.fn(),
    ...extra,
  };
}

const widget = () => inWidget('frontdesk-callback');
/** The title heading of the open dialog, once it is there. */
const title = () => {
  const dialog = widget().queryByRole('dialog');
  return dialog && within(dialog).queryByRole('heading', { level: 2 })?.textContent;
};
/** The dialog, shown or not: none is on the page. */
const anyDialog = () => widget().queryByRole('dialog', { hidden: true });

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  stubPresence({ presence: 'online' });
  // jsdom has no ResizeObserver; the popup's placement follows its anchor with one.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('the callback widget’s lead generator', () => {
  it('opens the widget by itself in the lead-generator look; the visitor’s own open is the usual look', async () => {
    const config = leadConfig();
    const h = host(config);
    const handle = start(h);
    await waitFor(() => expect(title()).toBe(config.appearance.leadGenerator.title.en), {
      timeout: 3000,
    });
    expect(widget().getByRole('banner').getAttribute('data-variant')).toBe('lead');
    expect(h.emit).toHaveBeenCalledWith('open', { widget: 'lead-test' });
    handle.close();
    // The visitor opening it is the ordinary look.
    handle.open();
    await waitFor(() => expect(title()).toBe(config.appearance.working.title.en));
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(h.report).not.toHaveBeenCalled();
    handle.destroy();
  });

  it('stays shut for a visitor who left a phone number', async () => {
    localStorage.setItem(`frontdesk:${PHONE_LEFT}`, '1');
    const h = host(leadConfig());
    const handle = start(h);
    await new Promise((done) => setTimeout(done, 1500));
    expect(anyDialog()).toBeNull();
    handle.destroy();
  });

  it('stays shut while nobody can call back now: its form promises a call at once', async () => {
    const { fetch } = stubPresence({ presence: 'busy' });
    const h = host(leadConfig());
    const handle = start(h);
    await new Promise((done) => setTimeout(done, 1500));
    expect(fetch).toHaveBeenCalled();
    expect(anyDialog()).toBeNull();
    handle.destroy();
  });

  it('is not loaded without a lead generator in the config', async () => {
    const idle = vi.fn();
    vi.stubGlobal('requestIdleCallback', idle);
    start(host(callbackConfig()));
    // Only the opened widget waits for idle time (onIntent), never the lead generator.
    expect(idle.mock.calls.every(([, options]) => options?.timeout !== 2000)).toBe(true);
  });

  it('counts pages in the session once storage is allowed', async () => {
    const h = host(
      leadConfig((s) => ({
        ...s,
        leadGenerator: {
          ...s.leadGenerator,
          triggers: { ...s.leadGenerator.triggers, timeOnPage: { enabled: true, seconds: 3600 } },
        },
      })),
      { consent: true },
    );
    const handle = start(h);
    await waitFor(() =>
      expect(sessionStorage.getItem('frontdesk:callback:lead:lead-test:pages')).toBe('1'),
    );
    handle.destroy();
  });

  it('marks its element while it watches, until the visitor opens the widget', async () => {
    const h = host(
      leadConfig((s) => ({
        ...s,
        leadGenerator: {
          ...s.leadGenerator,
          triggers: { ...s.leadGenerator.triggers, timeOnPage: { enabled: true, seconds: 3600 } },
        },
      })),
    );
    const handle = start(h);
    const element = () => document.querySelector('frontdesk-callback');
    expect(element()?.hasAttribute('data-lead')).toBe(false);
    await waitFor(() => expect(element()?.hasAttribute('data-lead')).toBe(true));
    handle.open();
    expect(element()?.hasAttribute('data-lead')).toBe(false);
    handle.destroy();
  });
});
