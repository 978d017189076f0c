import type { Namespace } from 'socket.io';
import type { AppContext } from '../context';
import { missedRoom } from './ops-missed';

/**
 * Tells consoles when something became missed as time went by (a chat enquiry or an order crossing
 * `env.missedAfterMs`, a call that rang out): each workers' pass looks at what crossed since this
 * process's last pass and sends `missed:changed` to those accounts, which ask `missed:list` again.
 * Several processes may each tell: the event is only a hint.
 */
export function missedNotice(
  ops: Namespace,
  { store, clock, env }: Pick<AppContext, 'store' | 'clock' | 'env'>,
): () => Promise<number> {
  let last: number | undefined;
  return async () => {
    const now = clock().getTime();
    const from = last ?? now - env.missedAfterMs;
    last = now;
    if (now <= from) return 0;
    const accounts = await store.missed.becameMissed({ from, to: now, afterMs: env.missedAfterMs });
    for (const accountId of accounts) ops.to(missedRoom(accountId)).emit('missed:changed', {});
    return accounts.length;
  };
}
