/**
 * The chat widget's launcher chunk (`/v1/assets/chat.js`): validates the public config, mounts
 * the chat button (the button colour, the lead generator's title as its text — the "nobody
 * available" one until the platform says someone can answer, and again whenever nobody can)
 * with its unread badge, and loads the rest on intent: the window when the visitor shows interest, the session
 * with socket.io-client when the chat opens — or, for a visitor who already has a conversation
 * kept, when the browser is idle, so operator replies light the badge. The lead generator comes
 * in its own chunk. Everything is guarded: a widget never throws into the page.
 */
import { PHONE_LEFT } from '@frontdesk/callback';
import { type PublicChatConfig, PublicChatConfigSchema } from '@frontdesk/config';
import {
  createConsentStorage,
  createLauncher,
  fetchPresence,
  guardedStart,
  type LeadWatch,
  launcherCss,
  lazy,
  mountWidget,
  NOBODY,
  oneDialog,
  onIntent,
  onOpenIntent,
  pickLocale,
  scheduleVariant,
  setLauncherText,
  themeCss,
  type Visitor,
  visitorKey,
  visitorOf,
  type WidgetHandle,
  type WidgetHost,
} from '@frontdesk/core';
import { chatLauncherCss } from './chat-launcher-styles';
import { loadTexts } from './chat-messages';
import type { ChatSession, ChatState } from './chat-session';
import { chatTheme } from './chat-theme';
import { chatKeys } from './storage-keys';

/** The launcher's icon: a speech bubble instead of core's handset. */
const BUBBLE = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';

function startValid(host: WidgetHost, config: PublicChatConfig): WidgetHandle {
  const look = config.appearance;
  const { schedule, variant } = scheduleVariant(host, config);
  const kind = host.launcher ?? 'button';
  const storage = createConsentStorage(host.consent);
  const keys = chatKeys(host.key, visitorKey(config.accountTag));
  const mounted = mountWidget(
    'frontdesk-chat',
    host.key,
    { shape: 'rounded', position: look.position, themed: true },
    [launcherCss, chatLauncherCss, themeCss(chatTheme(look))],
  );
  mounted.frame.dataset.theme = look.theme;
  const locale = pickLocale(config.languages);
  const launcher = kind === 'link' ? undefined : createLauncher(kind);
  setLauncherText(launcher, look, undefined, locale);
  // The badge's number is for the eye; screen readers hear the count in words.
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  badge.setAttribute('aria-hidden', 'true');
  const unreadWords = document.createElement('span');
  unreadWords.className = 'sr-only';
  if (launcher) {
    launcher.querySelector('path')?.setAttribute('d', BUBBLE);
    launcher.append(badge, unreadWords);
  }

  const texts = lazy(() => loadTexts(locale));
  const ui = lazy(() => import('./open-widget'));
  let opened: { close(): void } | undefined;
  let opening = false;
  let gone = false;
  let visitor: Visitor = {};
  let lead: (LeadWatch & { allow(): void }) | undefined;
  let unread = (_: ChatState) => {};
  /** The session once started: `identify` reaches the platform only through a running one. */
  let running: ChatSession | undefined;
  // Nobody can answer until the platform says someone can: the button promises nothing before.
  let presence = NOBODY;
  /** The button's text: the working one only while someone can answer (the session knows best). */
  const label = () =>
    setLauncherText(launcher, look, running?.state.presence ?? presence.presence, locale);
  /** Asks who can answer now (the browser reuses a recent answer). */
  const refresh = () =>
    fetchPresence(host).then((answer) => {
      presence = answer;
      label();
    });
  void refresh();
  const tell = () => {
    if (running && (visitor.name || visitor.phone)) running.contact(visitor).catch(host.report);
  };

  const session = lazy(() =>
    Promise.all([import('./connect-session'), texts()]).then(async ([{ connectSession }, t]) => {
      const started = await connectSession(host, storage, t, config.accountTag, locale);
      running = started;
      tell();
      started.subscribe(label);
      unread = (state) => {
        const count = opened ? 0 : state.unread;
        badge.hidden = count === 0;
        badge.textContent = count > 99 ? '99+' : String(count);
        unreadWords.textContent = count ? ` (${t.chat.unread(count)})` : '';
      };
      started.subscribe(unread);
      if (gone) started.close();
      return started;
    }),
  );
  const allow = () => {
    storage.allow();
    lead?.allow();
  };

  const stopIntent = onOpenIntent(host.key, launcher, () => Promise.all([ui(), texts()]));

  const closed = () => {
    launcher?.setAttribute('aria-expanded', 'false');
    opened?.close();
    opened = undefined;
    void session().then((started) => unread(started.state), host.report);
    host.emit('close', { widget: host.key });
  };

  /**
   * Opens the window — in its corner, whatever opened it: a conversation stays where the
   * visitor found it. `byLead`: opened by itself, on the capture form.
   */
  const show = (byLead = false) => {
    if (opened || opening) return;
    if (!byLead) lead?.stop();
    opening = true;
    Promise.all([ui(), texts(), session(), refresh()])
      .then(([{ openWidget }, t, started]) => {
        if (gone) return;
        opened = openWidget({
          mounted,
          config,
          schedule,
          variant: variant(),
          presence,
          lead: byLead,
          locale,
          texts: t,
          session: started,
          visitor,
          host,
          storage,
          onCallbackSubmitted: (order) => {
            // Ordering a call is the visitor's own interaction: storage may be used now.
            allow();
            storage.set(PHONE_LEFT, '1');
            host.emit('callback:submitted', { widget: host.key, ...order });
          },
          onClose: closed,
        });
        unread(started.state);
        launcher?.setAttribute('aria-expanded', 'true');
        host.emit('open', { widget: host.key });
      })
      .catch(host.report)
      .finally(() => {
        opening = false;
      });
  };

  const handle: WidgetHandle = {
    open() {
      show();
    },
    close() {
      if (opened) closed();
    },
    identify(input) {
      visitor = visitorOf(input) ?? visitor;
      tell();
    },
    consent() {
      allow();
    },
    destroy() {
      gone = true;
      lead?.stop();
      stopIntent();
      running?.close();
      opened?.close();
      opened = undefined;
      mounted.remove();
    },
  };

  const page = oneDialog(host.key, () => handle.close());
  if (launcher) {
    launcher.addEventListener('click', () => (opened ? handle.close() : show()));
    mounted.frame.append(launcher);
  }
  if (!host.preview) {
    // A visitor who already wrote (a kept token or outbox) hears of replies without opening.
    if (storage.get(keys.token) || storage.get(keys.outbox)) {
      onIntent(new EventTarget(), () => void session().catch(host.report), { idleMs: 3000 });
    }
    const rules = config.leadGenerator;
    if (rules) {
      onIntent(
        new EventTarget(),
        () =>
          void import('./lead-generator')
            .then(({ startLead }) => {
              if (gone) return;
              lead = startLead(rules, storage, host.key, () => {
                // Its form promises a call now: only while someone can make it.
                const calls = presence.callback ?? presence.presence;
                if (
                  opened ||
                  opening ||
                  page.othersOpen() ||
                  variant() !== 'working' ||
                  calls !== 'online'
                ) {
                  return false;
                }
                show(true);
                return true;
              });
            })
            .catch(host.report),
        { idleMs: 2000 },
      );
    }
  }
  return handle;
}

/** Starts the chat widget `host.key` on the page; see the module comment. */
export const start = guardedStart<'chat'>(PublicChatConfigSchema, startValid);
