/**
 * The Missed list (issue 23): chats nobody answered in time, site calls that rang out, callback
 * orders past their time, each kind under its heading, newest first. A chat leaves it when
 * someone replies or closes it, an order when someone takes it; a call when marked handled here.
 */
import type {
  CallbackOrder,
  ConversationSummary,
  MissedList as Missed,
  MissedCall,
} from '@frontdesk/config';
import { dateLocale, useErrorText, useLanguage } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { consoleTexts, useConsoleTexts } from './i18n/console-texts';
import { chatResultRow, orderResultRow, RowSection } from './result-rows';
import type { Route } from './route';

function CallRow({ call, handle }: { call: MissedCall; handle: (id: string) => Promise<void> }) {
  const { language } = useLanguage();
  const sayError = useErrorText();
  const t = consoleTexts[language].missed;
  const [error, setError] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(call.startedAt));
  return (
    <li class="missed-call" data-call-id={call.id}>
      <span>
        {call.widgetName} · {when} · {t.ends[call.status]}
        {call.page.title ? ` · ${call.page.title}` : ''}
      </span>{' '}
      <button
        type="button"
        aria-label={t.markHandledOf(when, call.widgetName)}
        onClick={() => handle(call.id).catch((e: Error) => setError(sayError(e)))}
      >
        {t.markHandled}
      </button>
      {error && (
        <span role="alert" class="error">
          {' '}
          {error}
        </span>
      )}
    </li>
  );
}

/** The Missed list under `route`; live chats and orders come from the inbox and the order list. */
export function MissedList({
  missed,
  route,
  userId,
  conversations,
  orders,
  unreadOf,
  handleCall,
  now,
}: {
  missed: Missed | null;
  route: Route;
  userId: string;
  conversations: ReadonlyMap<string, ConversationSummary>;
  orders: ReadonlyMap<string, CallbackOrder>;
  unreadOf: (conversation: ConversationSummary) => number;
  handleCall: (id: string) => Promise<void>;
  now: number;
}) {
  const t = useConsoleTexts();
  if (!missed) return <p class="empty">{t.loading}</p>;
  const rows = { route, userId, conversations, orders, unreadOf, now };
  return (
    <div class="missed">
      <RowSection
        id="missed-chats"
        title={t.missed.chats}
        empty={t.none}
        items={missed.chats}
        row={chatResultRow(rows)}
      />
      <RowSection
        id="missed-calls"
        title={t.missed.calls}
        empty={t.none}
        items={missed.calls}
        row={(call) => <CallRow key={call.id} call={call} handle={handleCall} />}
      />
      <RowSection
        id="missed-orders"
        title={t.missed.orders}
        empty={t.none}
        items={missed.orders}
        row={orderResultRow(rows)}
      />
    </div>
  );
}
