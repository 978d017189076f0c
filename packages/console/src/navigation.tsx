/**
 * The console's first pane: who is signed in, the lists with what waits in each (unread chat
 * messages, orders waiting, calls ringing, missed enquiries not handled), the softphone's state, the sound and desktop
 * notification switches, who else is online, the keyboard shortcuts, the language and signing out.
 */
import { LanguageSwitcher, type StaffUser } from '@frontdesk/staff';
import { useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { ANSWER_KEYS, CALLS_KEYS } from './call-dock';
import { useConsoleTexts } from './i18n/console-texts';
import { askForNotifications, canAskForNotifications } from './notify';
import { Presence } from './presence';
import { HOME, type Route, routeHref, type Section } from './route';
import type { PhoneStatus } from './softphone-registration';

/** What waits in each list. */
export interface Counts {
  chats: number;
  orders: number;
  calls: number;
  /** Missed enquiries not handled yet. */
  missed: number;
}

/** The keys the search box answers to. */
export const SEARCH_KEYS = 'Alt+Shift+F';

/** The first pane; see the module comment. `phone` is absent for those who answer no calls. */
export function Navigation({
  user,
  connected,
  route,
  sections,
  counts,
  phone,
  muted,
  setMuted,
  socket,
  signOut,
}: {
  user: StaffUser;
  connected: boolean;
  route: Route;
  sections: readonly Section[];
  counts: Counts;
  phone: PhoneStatus | undefined;
  muted: boolean;
  setMuted: (muted: boolean) => void;
  socket: Socket;
  signOut: () => void;
}) {
  const t = useConsoleTexts();
  const [canAsk, setCanAsk] = useState(canAskForNotifications);
  const muteRef = useRef<HTMLButtonElement>(null);
  const link = (section: Section, label: string, count: number, unit: string) =>
    sections.includes(section) && (
      <li>
        <a
          href={routeHref({ ...HOME, section, open: route.open })}
          aria-current={route.section === section ? 'page' : undefined}
        >
          <span>{label}</span>
          {count > 0 && (
            <>
              {' '}
              <span class="count">{count}</span> <span class="visually-hidden">{unit}</span>
            </>
          )}
        </a>
      </li>
    );
  return (
    <div class="pane sidebar" data-pane="">
      <header class="sidebar-head">
        <p class="brand">{t.title}</p>
        <p class="who">
          {user.name}{' '}
          <span class={connected ? 'online' : 'offline'}>
            {connected ? t.nav.online : t.nav.reconnecting}
          </span>
        </p>
      </header>
      <nav aria-label={t.nav.label}>
        <ul>
          {link('chats', t.nav.chats, counts.chats, t.nav.unread)}
          {link('orders', t.nav.orders, counts.orders, t.nav.waiting)}
          {link('calls', t.nav.calls, counts.calls, t.nav.ringing)}
          {link('missed', t.nav.missed, counts.missed, t.nav.notHandled)}
          {link('history', t.nav.history, 0, '')}
          {link('contacts', t.nav.contacts, 0, '')}
        </ul>
      </nav>
      {phone && (
        <p class="phone-status" data-state={phone.state} role="status">
          {t.phoneStatus[phone.state]}
        </p>
      )}
      <p class="switches">
        <button
          type="button"
          ref={muteRef}
          aria-pressed={muted ? 'true' : 'false'}
          onClick={() => setMuted(!muted)}
        >
          {t.nav.mute}
        </button>
        {canAsk && (
          <button
            type="button"
            onClick={() =>
              askForNotifications().finally(() => {
                // The button goes once answered: the keyboard moves on to its neighbour.
                muteRef.current?.focus();
                setCanAsk(canAskForNotifications());
              })
            }
          >
            {t.nav.notifications}
          </button>
        )}
      </p>
      <Presence socket={socket} />
      <details class="shortcuts">
        <summary>{t.nav.shortcuts}</summary>
        <dl>
          <dt>{ANSWER_KEYS}</dt>
          <dd>{t.nav.answerKey}</dd>
          <dt>{CALLS_KEYS}</dt>
          <dd>{t.nav.callsKey}</dd>
          <dt>{SEARCH_KEYS}</dt>
          <dd>{t.nav.searchKey}</dd>
        </dl>
      </details>
      <LanguageSwitcher />
      <button type="button" onClick={signOut}>
        {t.nav.signOut}
      </button>
    </div>
  );
}
