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
import { useState } from 'preact/hooks';
import { chatResultRow, orderResultRow, RowSection } from './result-rows';
import type { Route } from './route';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

const CALL_ENDS: Record<MissedCall['status'], string> = {
  no_answer: 'nobody answered',
  cancelled: 'the caller hung up while it rang',
  busy: 'everyone was busy',
  unavailable: 'nobody was online',
  declined: 'declined',
};

function CallRow({ call, handle }: { call: MissedCall; handle: (id: string) => Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const when = time.format(new Date(call.startedAt));
  return (
    <li class="missed-call" data-call-id={call.id}>
      <span>
        {call.widgetName} · {when} · {CALL_ENDS[call.status]}
        {call.page.title ? ` · ${call.page.title}` : ''}
      </span>{' '}
      <button
        type="button"
        aria-label={`Mark handled: the call of ${when} on ${call.widgetName}`}
        onClick={() => handle(call.id).catch((e: Error) => setError(e.message))}
      >
        Mark handled
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
  if (!missed) return <p class="empty">Loading…</p>;
  const rows = { route, userId, conversations, orders, unreadOf, now };
  return (
    <div class="missed">
      <RowSection
        id="missed-chats"
        title="Chats nobody answered"
        empty="None."
        items={missed.chats}
        row={chatResultRow(rows)}
      />
      <RowSection
        id="missed-calls"
        title="Calls that rang out"
        empty="None."
        items={missed.calls}
        row={(call) => <CallRow key={call.id} call={call} handle={handleCall} />}
      />
      <RowSection
        id="missed-orders"
        title="Orders past their time"
        empty="None."
        items={missed.orders}
        row={orderResultRow(rows)}
      />
    </div>
  );
}
