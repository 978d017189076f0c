// @vitest-environment jsdom
import { loadTexts, start } from '@frontdesk/chat';
import { type CallbackSettings, type ChatAuth, defaultSettings } from '@frontdesk/config';
import { errorText, type WidgetHost } from '@frontdesk/core';
import { within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allElements } from '../../core/test/support/all-elements';
import { stubPresence } from '../../core/test/support/presence';
import { waitFor } from '../../core/test/support/wait-for';
import { expectRefused, testHost } from '../../core/test/support/widget-host';
import { inWidget, launcherBadge, widgetRoot } from '../../core/test/support/widget-root';
import { ACCOUNT_TAG, chatConfig } from './fixtures';
import { MemoryChat } from './memory-chat';

/** socket.io-client, replaced by the in-memory platform: what `io` was asked, and the platform. */
const socketIo = vi.hoisted(() => ({
  calls: [] as [string, Record<string, unknown>][],
  server: undefined as unknown as { connect(auth: () => unknown): unknown },
}));
vi.mock('socket.io-client', () => ({
  io: (url: string, options: { auth(send: (auth: unknown) => void): void }) => {
    socketIo.calls.push([url, options as unknown as Record<string, unknown>]);
    return socketIo.server.connect(() => {
      let auth: unknown;
      options.auth((value) => {
        auth = value;
      });
      return auth;
    });
  },
}));

let server: MemoryChat;

const host = (config: unknown, extra: Partial<WidgetHost> = {}) =>
  testHost('test-chat', config, extra);

const shadow = () => widgetRoot('frontdesk-chat');
const widget = () => inWidget('frontdesk-chat');
/** The launcher: the widget's one button while it is closed. */
const launcherOf = () => widget().getByRole('button', { expanded: false }) as HTMLButtonElement;
/** The open dialog (throws until it is there). */
const dialogOf = () => widget().getByRole('dialog');
/** A dialog on the page, shown or not. */
const anyDialog = () => widget().queryByRole('dialog', { hidden: true });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** The visitor starts writing in the open window's composer: the moment the chat connects. */
async function startWriting(text = 'H') {
  const composer = await waitFor(() => within(dialogOf()).getByRole('textbox'));
  await userEvent.setup().type(composer, text);
}

beforeEach(() => {
  server = new MemoryChat();
  socketIo.server = server as unknown as typeof socketIo.server;
  socketIo.calls.length = 0;
  localStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  stubPresence({ presence: 'online' });
  // jsdom has no ResizeObserver; the window's placement follows its launcher with one.
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
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('start (the launcher chunk)', () => {
  it('mounts its own element with a launcher named by the button text, and connects nothing', async () => {
    const config = chatConfig((s) => ({
      ...s,
      appearance: { ...s.appearance, position: 'left', theme: 'dark' },
    }));
    const h = host(config);
    const handle = start(h);
    expect(document.querySelector('frontdesk-chat')?.getAttribute('data-widget')).toBe('test-chat');
    const launcher = launcherOf();
    expect(widget().getAllByRole('button')).toEqual([launcher]);
    // No "we are online!" before the platform says someone is; the visitor's language (jsdom's
    // browser speaks en-US), as the config offers it.
    expect(launcher?.textContent).toBe(config.appearance.nobody.buttonText.en);
    await waitFor(() =>
      expect(launcher?.textContent).toBe(config.appearance.working.buttonText.en),
    );
    expect(launcher?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(launcher?.getAttribute('aria-expanded')).toBe('false');
    // The widget's frame: the one child of its shadow root.
    const frame = shadow()?.firstElementChild as HTMLElement | null | undefined;
    expect(frame?.contains(launcher)).toBe(true);
    expect(frame?.dataset.position).toBe('left');
    expect(frame?.dataset.theme).toBe('dark');
    expect(launcherBadge(launcher).hasAttribute('hidden')).toBe(true);
    const elements = allElements(shadow() ?? document.createDocumentFragment());
    expect(elements.length).toBeGreaterThan(1);
    expect(
      elements.filter((el) => el.localName === 'style' || el.hasAttribute('style')),
    ).toHaveLength(0);
    // The button colour is the launcher's (primary) colour.
    const sheets = shadow()?.adoptedStyleSheets ?? [];
    const css = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('');
    expect(css).toContain('--fd-primary: #1aaf5d');
    await settle();
    expect(socketIo.calls).toEqual([]);
    expect(h.report).not.toHaveBeenCalled();
    handle.destroy();
    expect(document.querySelector('frontdesk-chat')).toBeNull();
  });

  // What a guarded start does with a bad config is tested once, in core's guarded-start.test.ts:
  // here, only that this start is guarded by the chat's own schema.
  it('validates against the chat schema: the wrong field reported once, nothing mounted', () => {
    const config = chatConfig() as unknown as { appearance: Record<string, unknown> };
    config.appearance.buttonColor = 'green';
    const h = host(config);
    start(h);
    expectRefused(
      h,
      'widget "test-chat": config field "appearance.buttonColor" must be a colour "#rrggbb"',
      'frontdesk-chat',
    );
  });

  it('connects over WebSocket only when the visitor starts writing, with the key and the time zone', async () => {
    const h = host(chatConfig());
    const handle = start(h);
    handle.open();
    await waitFor(() => expect(dialogOf()).toBeTruthy());
    await settle();
    // The window alone fetches no socket code and connects nothing.
    expect(socketIo.calls).toEqual([]);
    await startWriting();
    await waitFor(() => expect(socketIo.calls).toHaveLength(1));
    const [url, options] = socketIo.calls[0] ?? [];
    expect(url).toBe('https://fd.example/chat');
    expect(options?.transports).toEqual(['websocket']);
    const auth = server.opened[0]?.handshakes[0] as ChatAuth;
    expect(auth.key).toBe('test-chat');
    expect(auth.visitorToken).toBeUndefined();
    expect(typeof auth.timeZone).toBe('string');
    expect(h.emit).toHaveBeenCalledWith('open', { widget: 'test-chat' });
    handle.destroy();
  });

  it('shows the unread count on the launcher while the window is closed', async () => {
    // A widget that speaks Russian only: the count in Russian words too.
    const h = host(
      chatConfig((s) => ({ ...s, locale: 'ru' })),
      { consent: true },
    );
    const handle = start(h);
    const user = userEvent.setup();
    const launcher = launcherOf();
    await user.click(launcher);
    await waitFor(() => expect(dialogOf()).toBeTruthy());
    // The visitor wrote before closing the window.
    await startWriting('Hello{Enter}');
    await waitFor(() => expect(server.messages()).toHaveLength(1));
    await user.click(launcher);
    expect(anyDialog()).toBeNull();
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    server.operatorSays('Are you still there?');
    server.operatorSays('We can help.');
    await settle();
    const badge = launcherBadge(launcher);
    expect(badge.hasAttribute('hidden')).toBe(false);
    expect(badge.textContent).toBe('2');
    // The config speaks Russian; the count's words are for screen readers (the badge is hidden):
    // they end the launcher's name.
    expect(launcher.textContent?.endsWith('2 (Непрочитанных сообщений: 2)')).toBe(true);
    expect(widget().getByRole('button', { name: /\(Непрочитанных сообщений: 2\)$/ })).toBe(
      launcher,
    );
    await user.click(launcher);
    await waitFor(() => expect(dialogOf()).toBeTruthy());
    await settle();
    expect(badge.hasAttribute('hidden')).toBe(true);
    expect(server.received).toContainEqual(['read', { upToSeq: 3 }]);
    handle.destroy();
  });

  it('tells the platform who the page says the visitor is, once the chat runs', async () => {
    const handle = start(host(chatConfig()));
    handle.identify({ name: 'Anna', phone: '+79161234567', password: 'never sent' });
    await settle();
    expect(socketIo.calls).toEqual([]);
    handle.open();
    await startWriting();
    await waitFor(() =>
      expect(server.received).toContainEqual(['contact', { name: 'Anna', phone: '+79161234567' }]),
    );
    handle.destroy();
  });

  it('keeps who the page says the visitor is until the chat has connected, then tells it once', async () => {
    // The visitor opens the chat while the platform cannot be reached: nothing can be told yet.
    server.online = false;
    const h = host(chatConfig());
    const handle = start(h);
    handle.identify({ name: 'Anna', phone: '+79161234567' });
    handle.open();
    await startWriting();
    await waitFor(() => expect(server.opened).toHaveLength(1));
    await settle();
    expect(server.received).toEqual([]);
    server.online = true;
    dispatchEvent(new Event('online'));
    await waitFor(() =>
      expect(server.received).toContainEqual(['contact', { name: 'Anna', phone: '+79161234567' }]),
    );
    expect(server.received.filter(([event]) => event === 'contact')).toHaveLength(1);
    expect(h.report).not.toHaveBeenCalled();
    handle.destroy();
  });

  it('reports a refused handshake once, for the site owner', async () => {
    server.refuse = 'origin_not_allowed';
    const h = host(chatConfig());
    const handle = start(h);
    handle.open();
    await startWriting();
    await waitFor(() => expect(h.report).toHaveBeenCalledTimes(1));
    expect(h.report.mock.calls[0]?.[0]).toMatchObject({ code: 'origin_not_allowed' });
    const dialog = await waitFor(dialogOf);
    // The status line under the log says why, in the widget's language.
    const refused = errorText((await loadTexts('en')).core, 'origin_not_allowed');
    expect(refused).not.toBe('');
    expect(within(dialog).getByText(refused).textContent).not.toBe('');
    handle.destroy();
  });

  it('previews a sample conversation without connecting', async () => {
    const h = host(chatConfig(), { preview: 'non-working' });
    const handle = start(h);
    handle.open();
    const log = await waitFor(() => {
      const found = within(dialogOf()).getByRole('log');
      if (found.children.length === 0) throw new Error('not yet');
      return found;
    });
    // The sample conversation: two messages in the log.
    expect(log.children).toHaveLength(2);
    expect(within(dialogOf()).getByRole('heading', { level: 2 }).textContent).toBe(
      'We are offline now',
    );
    expect(socketIo.calls).toEqual([]);
    expect(localStorage.length).toBe(0);
    handle.destroy();
  });

  it('the lead generator opens the capture form by itself, but not for a visitor who left a phone', async () => {
    const rules = (defaultSettings('callback') as CallbackSettings).leadGenerator;
    const config = chatConfig((s) => ({
      ...s,
      channels: {
        ...s.channels,
        leadGeneration: {
          ...rules,
          enabled: true,
          triggers: { ...rules.triggers, timeOnPage: { enabled: true, seconds: 1 } },
          handler: null,
          notifyEmails: [],
          notifyPhones: [],
          companyNumber: null,
        },
      },
    }));
    localStorage.setItem('frontdesk:callback:phone-left', '1');
    const skipped = start(host(config));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(anyDialog()).toBeNull();
    skipped.destroy();
    localStorage.clear();
    const h = host(config);
    const handle = start(h);
    const tab = await waitFor(() => widget().getByRole('tab', { selected: true }), {
      timeout: 8000,
    });
    expect(tab.id).toBe('fd-tab-callback');
    expect(h.emit).toHaveBeenCalledWith('open', { widget: 'test-chat' });
    handle.destroy();
  });

  it('says "nobody available" on the button while nobody can answer, following the chat', async () => {
    stubPresence({ presence: 'nobody' });
    server.presence = 'nobody';
    const config = chatConfig();
    const handle = start(host(config));
    const launcher = launcherOf();
    // The launcher is named by its text (the badge, for the eye only, is not part of it).
    const named = (text: string | undefined) =>
      expect(widget().getByRole('button', { name: text ?? '' })).toBe(launcher);
    handle.open();
    await waitFor(() => expect(dialogOf()).toBeTruthy());
    named(config.appearance.nobody.buttonText.en);
    await startWriting();
    await waitFor(() => expect(server.opened).toHaveLength(1));
    // An operator comes online: the chat's socket says so, and the button follows.
    server.push('presence', { presence: 'online' });
    await waitFor(() => named(config.appearance.working.buttonText.en));
    server.push('presence', { presence: 'nobody' });
    await waitFor(() => named(config.appearance.nobody.buttonText.en));
    handle.destroy();
  });

  it('a returning visitor with a conversation connects when the browser is idle', async () => {
    localStorage.setItem(`frontdesk:visitor:${ACCOUNT_TAG}`, 'visitor-token-1');
    const handle = start(host(chatConfig()));
    await waitFor(() => expect(socketIo.calls).toHaveLength(1), { timeout: 8000 });
    await waitFor(() =>
      expect(server.opened[0]?.handshakes[0]?.visitorToken).toBe('visitor-token-1'),
    );
    handle.destroy();
  });
});
