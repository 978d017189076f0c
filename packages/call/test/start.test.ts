// @vitest-environment jsdom
/** The launcher chunk: the call button from the public config; sip.js only on intent. */
import {
  type CallSettings,
  defaultSettings,
  type PublicCallConfig,
  toPublicConfig,
} from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubPresence } from '../../core/test/support/presence';
import { waitFor } from '../../core/test/support/wait-for';
import { expectRefused, testHost } from '../../core/test/support/widget-host';
import { inWidget } from '../../core/test/support/widget-root';

const loaded = vi.hoisted(() => ({ sip: 0 }));
vi.mock('sip.js', () => {
  loaded.sip++;
  return { UserAgent: class {}, Inviter: class {}, SessionState: {}, Web: {} };
});

// The source itself (in the `dist` project too): the npm build's index imports sip.js statically.
const source = '../src/start.ts';
const { start } = (await import(/* @vite-ignore */ source)) as typeof import('@frontdesk/call');
/** The widget's Russian texts (the config speaks Russian only), from the sources too. */
const messages = '../src/live-texts.ts';
const texts = await (
  (await import(/* @vite-ignore */ messages)) as typeof import('@frontdesk/call')
).loadTexts('ru');

const ACCOUNT_TAG = 'acct-test';

function callConfig(): PublicCallConfig {
  const now = new Date();
  const settings = defaultSettings('call', { timeZone: 'Europe/Moscow' }) as CallSettings;
  const always = { from: '00:00', to: '24:00' };
  settings.schedule.week = {
    mon: always,
    tue: always,
    wed: always,
    thu: always,
    fri: always,
    sat: always,
    sun: always,
  } as typeof settings.schedule.week;
  settings.schedule.holidays = false;
  return toPublicConfig(
    { key: 'test-call', type: 'call', name: 'Test', settings, sipLine: null },
    calendarDays('ru', dateIn('Europe/Moscow', now), 60),
    { now, accountTag: ACCOUNT_TAG },
  ) as PublicCallConfig;
}

const host = (config: unknown, extra: Parameters<typeof testHost>[2] = {}) =>
  testHost('test-call', config, extra);

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** The call button: the widget's one button, which opens its dialog. */
const launcherOf = () => {
  const launcher = inWidget('frontdesk-call').getByRole('button', { expanded: false });
  expect(launcher.getAttribute('aria-haspopup')).toBe('dialog');
  return launcher;
};

/** jsdom has no ResizeObserver; the dialog's placement follows its launcher with one. */
function stubResizeObserver() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
}

/**
 * Opens the widget of `h` and presses its call button with a microphone granted; resolves with
 * what the call asked of the platform besides presence: each request's URL and JSON body.
 */
async function pressCall(h: ReturnType<typeof host>) {
  const { fetch } = stubPresence({ presence: 'online' });
  stubResizeObserver();
  const track = { enabled: true, stop: vi.fn() };
  vi.stubGlobal('navigator', {
    ...navigator,
    language: navigator.language,
    languages: navigator.languages,
    mediaDevices: {
      getUserMedia: async () => ({ getAudioTracks: () => [track], getTracks: () => [track] }),
    },
  });
  const handle = start(h);
  await waitFor(() =>
    expect(launcherOf()?.textContent).toBe(callConfig().appearance.working.buttonText.ru),
  );
  handle.open();
  const dialog = () => within(inWidget('frontdesk-call').getByRole('dialog'));
  const send = await waitFor(() => dialog().getByRole('button', { name: texts.call.call }));
  await userEvent.setup().click(send);
  // The credential is asked, or the preview's call fails without asking: the state line says
  // "connecting", or an alert says why it failed.
  await waitFor(() => {
    const connecting = dialog().queryByText(texts.call.connecting, { ignore: '[role=status]' });
    const failed = dialog().queryByRole('alert');
    expect(connecting ?? failed).toBeTruthy();
    expect(connecting?.getAttribute('data-call-status') ?? 'failed').toMatch(
      /^(connecting|failed)$/,
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  handle.destroy();
  expect(h.report).not.toHaveBeenCalled();
  // The stub's own type names the URL only; the platform client passes the request's init too.
  return (fetch.mock.calls as unknown as [string | URL, RequestInit | undefined][])
    .filter(([url]) => !String(url).endsWith('/presence'))
    .map(([url, init]) => ({ url: String(url), body: JSON.parse(String(init?.body)) }));
}

describe('start (the call launcher chunk)', () => {
  it('while nobody can answer: the "nobody available" button text, and no sip.js on intent', async () => {
    const { fetch } = stubPresence({ presence: 'busy' });
    const config = callConfig();
    start(host(config));
    const launcher = launcherOf();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(launcher?.textContent).toBe(config.appearance.nobody.buttonText.ru);
    await userEvent.setup().hover(launcher);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // First in this file: sip.js was never imported, and is not now.
    expect(loaded.sip).toBe(0);
  });

  it('outside working hours: no sip.js on intent, though someone is online', async () => {
    const { fetch } = stubPresence({ presence: 'online' });
    stubResizeObserver();
    const config = callConfig();
    const days = Object.keys(config.schedule.week).map((day) => [day, null]);
    const h = host({ ...config, schedule: { ...config.schedule, week: Object.fromEntries(days) } });
    const handle = start(h);
    const launcher = launcherOf();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await waitFor(() =>
      expect(launcher?.textContent).toBe(config.appearance.working.buttonText.ru),
    );
    await userEvent.setup().hover(launcher);
    // Opened: the checked config the intent asked for has come (the dialog needs it too).
    handle.open();
    await waitFor(() => inWidget('frontdesk-call').getByRole('dialog'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Still none: the schedule says nobody works now.
    expect(loaded.sip).toBe(0);
    expect(h.report).not.toHaveBeenCalled();
  });

  it('mounts a call button named by the button text once someone can answer; sip.js loads only on intent', async () => {
    stubPresence({ presence: 'online' });
    const config = callConfig();
    const h = host(config);
    start(h);
    const launcher = launcherOf();
    // Before the platform said who is there, the button promises no call. A widget that speaks
    // Russian only: its Russian texts, whatever the browser's language.
    expect(launcher?.textContent).toBe(config.appearance.nobody.buttonText.ru);
    await waitFor(() =>
      expect(launcher?.textContent).toBe(config.appearance.working.buttonText.ru),
    );
    expect(h.report).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loaded.sip).toBe(0);
    await userEvent.setup().hover(launcher);
    await waitFor(() => expect(loaded.sip).toBe(1));
  });

  it('asks the credential with the visitor’s token of the account, which the chat and orders share', async () => {
    localStorage.setItem(`frontdesk:visitor:${ACCOUNT_TAG}`, 'token-of-the-chat-0123456789abcdef');
    const requests = await pressCall(host(callConfig(), { consent: true }));
    expect(requests).toEqual([
      {
        url: 'https://fd.example/v1/widgets/test-call/call-credentials',
        body: expect.objectContaining({
          visitorToken: 'token-of-the-chat-0123456789abcdef',
          page: expect.objectContaining({ url: location.href }),
        }),
      },
    ]);
  });

  it('a visitor with no token yet gets one made and kept, for the chat and orders to come', async () => {
    const [request] = await pressCall(host(callConfig(), { consent: true }));
    const token = request?.body.visitorToken;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem(`frontdesk:visitor:${ACCOUNT_TAG}`)).toBe(token);
  });

  it('with pop-out on, offers the call in a window of its own, at the platform’s call page, and closes the dialog', async () => {
    stubPresence({ presence: 'online' });
    const popup = vi.fn();
    vi.stubGlobal('open', popup);
    stubResizeObserver();
    const h = host({ ...callConfig(), popOut: true });
    const handle = start(h);
    handle.open();
    const dialog = () => within(inWidget('frontdesk-call').getByRole('dialog'));
    const popOut = await waitFor(() => dialog().getByRole('button', { name: texts.call.popOut }));
    expect(inWidget('frontdesk-call').getByRole('button', { expanded: true })).toBeTruthy();
    await userEvent.setup().click(popOut);
    expect(popup).toHaveBeenCalledWith(
      'https://fd.example/call/test-call',
      'frontdesk-call-test-call',
      'popup,width=400,height=600',
    );
    // Closed: the launcher says so again.
    await waitFor(() => launcherOf());
    expect(inWidget('frontdesk-call').queryByRole('dialog')).toBeNull();
    expect(h.report).not.toHaveBeenCalled();
    handle.destroy();
  });

  it('in the Studio’s preview, asks nothing of the platform and makes no token', async () => {
    expect(await pressCall(host(callConfig(), { preview: 'working' }))).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  // What a guarded start does with a bad config is tested once, in core's guarded-start.test.ts:
  // here, only that this start checks the call launcher's fields, and that opening validates
  // the rest with the call's schema.
  it('checks the fields its launcher reads: the wrong one reported once, nothing mounted', () => {
    const config = callConfig();
    const h = host({ ...config, appearance: { ...config.appearance, shape: 'figured' } });
    start(h);
    expectRefused(
      h,
      'widget "test-call": config field "appearance.shape" must be "square" or "rounded"',
      'frontdesk-call',
    );
  });

  it('validates the rest against the call schema on opening: reported once, nothing opens, the button goes', async () => {
    stubPresence({ presence: 'online' });
    const h = host({ ...callConfig(), dialPad: 'yes' });
    const handle = start(h);
    expect(h.report).not.toHaveBeenCalled();
    // Interest first: the call's intent checks the config too, and says nothing of it yet.
    await userEvent.setup().hover(launcherOf());
    handle.open();
    const reported = [
      [
        expect.objectContaining({
          message: 'widget "test-call": config field "dialPad" must be true or false',
        }),
      ],
    ];
    await waitFor(() => expect(h.report.mock.calls).toEqual(reported));
    expect(h.emit).not.toHaveBeenCalledWith('open', expect.anything());
    // The widget is over — no dialog, no button to press again and again — and nothing more told.
    expect(document.querySelector('frontdesk-call')).toBeNull();
    handle.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.report.mock.calls).toEqual(reported);
  });
});
