/**
 * The callback orders' side of `/ops` (packages/platform/OPS-EVENTS.md): the account's open
 * orders kept current by `callback:*` events, which of them ring this operator, and the actions
 * (accept, done, failed) as acknowledged requests. Orders found elsewhere (search) join the map,
 * so that opening one needs nothing more.
 */

import type { CallbackOrder, OpsOrder, OrderTaken } from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { ask } from './ops-socket';

/** What the console does with the orders. */
export interface OrdersConnection {
  orders: ReadonlyMap<string, CallbackOrder>;
  /** Orders that rang this operator and still ring. */
  ringsMe: ReadonlySet<string>;
  /** Why the list could not be read, if it could not. */
  error: string | null;
  /** Accepts an order (a scheduled one too: taken early); the order after it. */
  accept(id: string): Promise<CallbackOrder>;
  /** Closes an accepted order as done or failed with a note; the order after it. */
  close(id: string, outcome: 'done' | 'failed', note: string): Promise<CallbackOrder>;
  /** Adds orders read elsewhere (a search). */
  add(orders: CallbackOrder[]): void;
}

/** The orders over `socket`; `onRinging` hears of each order that starts ringing this operator. */
export function useOrders(
  socket: Socket,
  onRinging: (order: CallbackOrder) => void,
): OrdersConnection {
  const [orders, setOrders] = useState<ReadonlyMap<string, CallbackOrder>>(new Map());
  const [ringsMe, setRingsMe] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  // The list's answer comes long after a render: its error is said in the language of then.
  const say = useErrorText();
  const sayError = useRef(say);
  sayError.current = say;
  const notify = useRef(onRinging);
  notify.current = onRinging;

  const upsert = (list: CallbackOrder[]) =>
    setOrders((all) => {
      const next = new Map(all);
      for (const order of list) next.set(order.id, { ...all.get(order.id), ...order });
      return next;
    });

  useEffect(() => {
    const heard = new Set<string>();
    const load = () =>
      ask<{ orders: OpsOrder[] }>(socket, 'callback:list').then(
        ({ orders: list }) => {
          setError(null);
          // The list is the open orders; closed ones this console saw stay.
          setOrders((all) => {
            const next = new Map(
              [...all].filter(([, o]) => o.status === 'done' || o.status === 'failed'),
            );
            for (const order of list) next.set(order.id, order);
            return next;
          });
        },
        (e: Error) => setError(sayError.current(e)),
      );
    const onRing = (order: OpsOrder) => {
      upsert([order]);
      setRingsMe((ids) => new Set(ids).add(order.id));
      // A ring can come twice (see OPS-EVENTS.md): it is news once.
      if (!heard.has(order.id)) {
        heard.add(order.id);
        notify.current(order);
      }
    };
    const onUpdated = (order: OpsOrder) => upsert([order]);
    const onTaken = ({ id, by }: OrderTaken) =>
      setOrders((all) => {
        const order = all.get(id);
        return order ? new Map(all).set(id, { ...order, status: 'accepted', operator: by }) : all;
      });
    socket.on('connect', load);
    socket.on('callback:ringing', onRing);
    socket.on('callback:updated', onUpdated);
    socket.on('callback:taken', onTaken);
    if (socket.connected) void load();
    return () => {
      socket.off('connect', load);
      socket.off('callback:ringing', onRing);
      socket.off('callback:updated', onUpdated);
      socket.off('callback:taken', onTaken);
    };
  }, [socket]);

  const actions = useMemo(() => {
    const act = async (event: string, payload: object) => {
      const { order } = await ask<{ order: OpsOrder }>(socket, event, payload);
      upsert([order]);
      return order;
    };
    return {
      accept: (id: string) => act('callback:accept', { id }),
      close: (id: string, outcome: 'done' | 'failed', note: string) =>
        act(outcome === 'done' ? 'callback:done' : 'callback:fail', { id, note }),
      add: upsert,
    };
  }, [socket]);

  return useMemo(() => ({ orders, ringsMe, error, ...actions }), [orders, ringsMe, error, actions]);
}
