/**
 * The chat widget's launcher chunk (`/v1/assets/chat.js`): checks the config fields it reads
 * (the whole config is validated, with its schedule, by `checked-config`, its own chunk loaded
 * with the window) and starts core's widget shell with the chat button (the button colour, the lead generator's title
 * as its text — the "nobody available" one until someone can answer) and its unread badge. The
 * window loads on intent with the session, which fetches socket.io-client and connects when the
 * visitor starts writing — or, for a visitor who already has a conversation kept, when the
 * browser is idle, so operator replies light the badge. Everything is guarded: a widget never
 * throws into the page.
 */
import {
  CHAT_LAUNCHER_FIELDS,
  type ChatLauncherConfig,
  type PublicPresence,
} from '@frontdesk/config';
import {
  guardedStart,
  lazy,
  onIntent,
  pickLocale,
  type Shell,
  themeCss,
  type Visitor,
  type WidgetHandle,
  type WidgetHost,
  widgetShell,
} from '@frontdesk/core';
import { chatLauncherCss } from './chat-launcher-styles';
import { loadTexts } from './chat-messages';
import type { ChatSession, ChatState } from './chat-state';
import { chatTheme } from './chat-theme';
import { keptConversation } from './storage-keys';

/** The launcher's icon: a speech bubble instead of core's handset. */
const BUBBLE = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';

function startValid(host: WidgetHost, launch: ChatLauncherConfig): WidgetHandle {
  const look = launch.appearance;
  const locale = pickLocale(launch.languages);
  const checked = lazy(() =>
    import('./checked-config').then((module) => module.checkChatConfig(host)),
  );
  const texts = lazy(() => loadTexts(locale));
  const ui = lazy(() => import('./open-widget'));
  /** The session once made: `identify` reaches the platform only once it is online. */
  let running: ChatSession | undefined;
  let unread = (_: ChatState) => {};
  /** What the page told of the visitor and the platform has not heard yet. */
  let untold: Visitor | undefined;
  /** What the page last told, so each `identify` is sent once. */
  let told: Visitor | undefined;
  /**
   * Tells the platform who the visitor is once the session has connected: sent before, the
   * request fails at once and the page's `identify` would be lost. The session's state calls
   * this again when it connects (or connects again after a lost request).
   */
  const tell = () => {
    const visitor = shell.visitor();
    if (visitor !== told && (visitor.name || visitor.phone)) untold = visitor;
    told = visitor;
    if (!untold || running?.state.connection !== 'online') return;
    const details = untold;
    untold = undefined;
    running.contact(details).catch((error: unknown) => {
      // The connection went before the answer: told again once it is back.
      if ((error as { code?: string }).code === 'network') untold ??= details;
      else host.report(error);
    });
  };
  const session = lazy(() =>
    Promise.all([import('./connect-session'), texts()]).then(([{ connectSession }, t]) => {
      const made = connectSession(host, shell.storage, t, launch.accountTag, locale);
      running = made;
      tell();
      made.subscribe(tell);
      made.subscribe(shell.label);
      unread = (state) => {
        const count = shell.isOpen() ? 0 : state.unread;
        badge.hidden = count === 0;
        badge.textContent = count > 99 ? '99+' : String(count);
        unreadWords.textContent = count ? ` (${t.chat.unread(count)})` : '';
      };
      made.subscribe(unread);
      if (shell.gone()) made.close();
      return made;
    }),
  );
  const showUnread = () => void session().then((made) => unread(made.state), host.report);

  const shell: Shell = widgetShell(host, {
    type: 'chat',
    kind: host.launcher ?? 'button',
    frame: { shape: 'rounded', position: look.position, themed: true },
    css: [chatLauncherCss, themeCss(chatTheme(look))],
    texts: look,
    locale,
    prefetch: () => Promise.all([ui(), texts(), checked()]),
    load: () => Promise.all([ui(), texts(), checked(), session()] as const),
    // The button's text: the working one only while someone can answer (the session knows best).
    presence: (platform) => running?.state.presence ?? platform,
    open: ({
      loaded: [{ openWidget }, t, { config, schedule, variant }, made],
      byLead,
      ...opening
    }) =>
      openWidget({
        mounted: shell.mounted,
        config,
        schedule,
        variant: variant(),
        presence: opening.presence,
        lead: byLead,
        anchor: opening.anchor,
        placement: opening.placement,
        locale: locale,
        texts: t,
        session: made,
        visitor: opening.visitor,
        host,
        storage: shell.storage,
        onCallbackSubmitted: shell.ordered,
        onClose: opening.onClose,
      }),
    // Its form promises a call now: only while someone can make it.
    ...(launch.leadGenerator && {
      lead: () =>
        checked().then(({ config, variant }) => ({
          rules: config.leadGenerator,
          canOpen: (presence: PublicPresence) =>
            variant() === 'working' && (presence.callback ?? presence.presence) === 'online',
        })),
    }),
    onOpen: showUnread,
    onClose: showUnread,
    onIdentify: tell,
    onDestroy: () => running?.close(),
  });
  shell.mounted.frame.dataset.theme = look.theme;

  // The badge's number is for the eye; screen readers hear the count in words.
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  const unreadWords = document.createElement('span');
  unreadWords.className = 'sr-only';
  if (shell.launcher) {
    shell.launcher.querySelector('path')?.setAttribute('d', BUBBLE);
    shell.launcher.append(badge, unreadWords);
  }

  // A visitor who already wrote (a kept token or outbox) hears of replies without opening.
  if (!host.preview && keptConversation(shell.storage, host.key, launch.accountTag)) {
    onIntent(new EventTarget(), () => void session().catch(host.report), { idleMs: 3000 });
  }
  return shell.handle;
}

/** Starts the chat widget `host.key` on the page; see the module comment. */
export const start = guardedStart('chat', CHAT_LAUNCHER_FIELDS, startValid);
