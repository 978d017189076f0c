/**
 * The Missed list (issue 23): chats nobody answered in time, site calls that rang out, callback
 * orders past their time, each kind under its heading, newest first. A chat leaves it when
 * someone replies or closes it, an order when someone takes it; a call when marked handled here.
 */
import type { ConversationSummary } from '@frontdesk/config';
import { useState } from 'preact/hooks';
import type { CallbackOrder } from './callback-order';
import { ConversationRow } from './chat-list-item';
import type { MissedList as Missed, MissedCall } from './missed';
import { OrderRow } from './order-list-item';
import { type Route, routeHref } from './route';

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
  const isOpen = (kind: 'chat' | 'order', id: string) =>
    route.open?.kind === kind && route.open.id === id;
  return (
    <div class="missed">
      <h2 id="missed-chats">Chats nobody answered ({missed.chats.length})</h2>
      {missed.chats.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="rows" aria-labelledby="missed-chats">
          {missed.chats.map((result) => {
            const conversation = conversations.get(result.id) ?? result;
            return (
              <ConversationRow
                key={result.id}
                conversation={conversation}
                unread={unreadOf(conversation)}
                href={routeHref({ ...route, open: { kind: 'chat', id: result.id } })}
                selected={isOpen('chat', result.id)}
                userId={userId}
              />
            );
          })}
        </ul>
      )}
      <h2 id="missed-calls">Calls that rang out ({missed.calls.length})</h2>
      {missed.calls.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="rows" aria-labelledby="missed-calls">
          {missed.calls.map((call) => (
            <CallRow key={call.id} call={call} handle={handleCall} />
          ))}
        </ul>
      )}
      <h2 id="missed-orders">Orders past their time ({missed.orders.length})</h2>
      {missed.orders.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ul class="rows" aria-labelledby="missed-orders">
          {missed.orders.map((result) => (
            <OrderRow
              key={result.id}
              order={orders.get(result.id) ?? result}
              now={now}
              href={routeHref({ ...route, open: { kind: 'order', id: result.id } })}
              selected={isOpen('order', result.id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
