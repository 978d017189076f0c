/**
 * The missed enquiries over `/ops` (issue 23): chats nobody answered in time, site calls that
 * rang out, callback orders past their time. Asked on every (re)connect and again whenever
 * something may have changed them (`missed:changed`, a conversation's or an order's change);
 * the platform decides what is missed, by its clock.
 */
import type { MissedList } from '@frontdesk/config';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { ask } from './ops-socket';

/** How long to gather changes before asking again (a burst of events asks once). */
const SETTLE_MS = 300;

/** Events after which the list may differ. */
const CHANGES = ['missed:changed', 'chat:conversation', 'callback:updated'];

/** The missed list over `socket` (null until it answered), and marking a call handled. */
export function useMissed(socket: Socket): {
  missed: MissedList | null;
  handleCall(id: string): Promise<void>;
} {
  const [missed, setMissed] = useState<MissedList | null>(null);
  const [asks, setAsks] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setAsks((n) => n + 1), SETTLE_MS);
    };
    const now = () => setAsks((n) => n + 1);
    socket.on('connect', now);
    for (const event of CHANGES) socket.on(event, soon);
    return () => {
      clearTimeout(timer);
      socket.off('connect', now);
      for (const event of CHANGES) socket.off(event, soon);
    };
  }, [socket]);
  useEffect(() => {
    if (!socket.connected) return;
    let current = true;
    ask<MissedList>(socket, 'missed:list').then(
      (list) => current && setMissed({ chats: list.chats, calls: list.calls, orders: list.orders }),
      () => undefined, // the next change or reconnect asks again
    );
    return () => {
      current = false;
    };
  }, [socket, asks]);
  const handleCall = useCallback(
    async (id: string) => {
      await ask(socket, 'missed:handle', { id });
      setAsks((n) => n + 1);
    },
    [socket],
  );
  return { missed, handleCall };
}

/** How many missed enquiries there are. */
export function missedCount(missed: MissedList | null): number {
  return missed ? missed.chats.length + missed.calls.length + missed.orders.length : 0;
}
