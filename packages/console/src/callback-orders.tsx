import type { StaffUser } from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { orderNotifications } from './api';
import {
  type CallbackOrder,
  type OrderNotification,
  STATUS_TEXT,
  sortOrders,
} from './callback-order';
import { ask } from './ops-socket';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The callback orders screen: a live list. Ringing orders can be accepted (the first operator
 * wins; the others see who took it); accepted ones are closed as done or failed with a note.
 */
export function CallbackOrders({
  socket,
  user,
  announce,
}: {
  socket: Socket;
  user: StaffUser;
  announce: (text: string) => void;
}) {
  const [orders, setOrders] = useState(new Map<string, CallbackOrder>());
  const [error, setError] = useState<string | null>(null);
  const upsert = (order: CallbackOrder) =>
    setOrders((all) => new Map(all).set(order.id, { ...all.get(order.id), ...order }));

  useEffect(() => {
    const load = () =>
      ask<{ orders: CallbackOrder[] }>(socket, 'callback:list').then(
        ({ orders: list }) => setOrders(new Map(list.map((o) => [o.id, o]))),
        (e: Error) => setError(e.message),
      );
    const onRinging = (order: CallbackOrder) => {
      upsert(order);
      announce(`New callback order from ${order.widgetName}: ${order.phone}`);
    };
    const onTaken = ({ id, by }: { id: string; by: { id: string; name: string } | null }) =>
      setOrders((all) => {
        const order = all.get(id);
        return order ? new Map(all).set(id, { ...order, status: 'accepted', operator: by }) : all;
      });
    socket.on('connect', load);
    socket.on('callback:ringing', onRinging);
    socket.on('callback:updated', upsert);
    socket.on('callback:taken', onTaken);
    if (socket.connected) load();
    return () => {
      socket.off('connect', load);
      socket.off('callback:ringing', onRinging);
      socket.off('callback:updated', upsert);
      socket.off('callback:taken', onTaken);
    };
  }, [socket]);

  const act = async (event: string, payload: object) => {
    setError(null);
    try {
      const { order } = await ask<{ order: CallbackOrder }>(socket, event, payload);
      upsert(order);
      return order;
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  };

  const list = sortOrders(orders.values());
  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Callback orders</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {list.length === 0 ? (
        <p>No open orders. New ones appear here and ring.</p>
      ) : (
        <ul class="orders">
          {list.map((order) => (
            <OrderCard key={order.id} order={order} user={user} act={act} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** A manual order's notifications to staff and where each stands, read when the order changes. */
function Notifications({ order }: { order: CallbackOrder }) {
  const [notifications, setNotifications] = useState<OrderNotification[] | null>(null);
  useEffect(() => {
    orderNotifications(order.id).then(setNotifications, () => setNotifications(null));
  }, [order.id, order.status]);
  if (!notifications?.length) return null;
  return (
    <ul class="notifications" aria-label="Notifications to staff">
      {notifications.map((n) => (
        <li key={n.id}>
          {n.channel === 'email' ? 'E-mail' : 'SMS'} to {n.recipient}: {n.status}
          {n.attempts > 1 ? ` after ${n.attempts} attempts` : ''}
          {n.lastError ? ` (${n.lastError})` : ''}
        </li>
      ))}
    </ul>
  );
}

function OrderCard({
  order,
  user,
  act,
}: {
  order: CallbackOrder;
  user: StaffUser;
  act: (event: string, payload: object) => Promise<CallbackOrder | null>;
}) {
  const [note, setNote] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const mine = order.operator?.id === user.id;
  const titleId = `order-${order.id}`;
  const [focusNote, setFocusNote] = useState(false);
  const accept = async () => {
    if (await act('callback:accept', { id: order.id })) setFocusNote(true);
  };
  // The Accept button is gone once the order is ours: keyboard focus moves on to the note, in
  // the same frame, so it never rests on the page's body.
  useLayoutEffect(() => {
    if (focusNote && noteRef.current) {
      noteRef.current.focus();
      setFocusNote(false);
    }
  }, [focusNote, order.status]);
  return (
    <li class={`order order-${order.status}`} aria-labelledby={titleId}>
      <h2 id={titleId}>
        <span class="status">{STATUS_TEXT[order.status]}</span> {order.widgetName}:{' '}
        <a href={`tel:${order.phone}`}>{order.phone}</a>
      </h2>
      <dl>
        {order.name && (
          <>
            <dt>Name</dt>
            <dd>{order.name}</dd>
          </>
        )}
        <dt>When</dt>
        <dd>{order.slot === null ? 'Now' : time.format(order.slot)}</dd>
        <dt>Page</dt>
        <dd>
          {order.page.url ? (
            <span title={order.page.url}>{order.page.title || order.page.url}</span>
          ) : (
            'unknown'
          )}
        </dd>
        <dt>Visitor's local time</dt>
        <dd>
          {order.visitor
            ? `${order.visitor.localTime.slice(11, 16)} (${order.visitor.timeZone})`
            : 'unknown'}
        </dd>
        {order.connect && (
          <>
            <dt>Connect with</dt>
            <dd>
              {order.connect.number}
              {order.connect.outgoingNumber ? `, showing ${order.connect.outgoingNumber}` : ''}
            </dd>
          </>
        )}
        <dt>Ordered</dt>
        <dd>{time.format(order.createdAt)}</dd>
      </dl>
      {order.mode === 'manual' && <Notifications order={order} />}
      {(order.status === 'ringing' || (order.status === 'new' && order.mode === 'manual')) && (
        <button type="button" id={`accept-${order.id}`} class="primary" onClick={accept}>
          Accept
        </button>
      )}
      {order.status === 'accepted' && !mine && (
        <p>Taken by {order.operator?.name ?? 'another operator'}.</p>
      )}
      {order.status === 'accepted' && mine && (
        <div class="close">
          <label>
            Note
            <textarea
              ref={noteRef}
              value={note}
              maxLength={2000}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <button
            type="button"
            class="primary"
            onClick={() => act('callback:done', { id: order.id, note })}
          >
            Done
          </button>
          <button type="button" onClick={() => act('callback:fail', { id: order.id, note })}>
            Failed
          </button>
        </div>
      )}
      {(order.status === 'done' || order.status === 'failed') && order.note && (
        <p>Note: {order.note}</p>
      )}
    </li>
  );
}
