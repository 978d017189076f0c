/** Callback orders as `/ops` and the admin API give them to the console, for its tests. */
import type { CallbackOrder } from '../src/callback-order';

/** The tests' clock: 10:00 in Moscow. */
export const NOW = Date.parse('2026-03-04T07:00:00Z');

/** A ringing automatic "call me now" order of a minute ago, changed by `change`. */
export function order(change: Partial<CallbackOrder> = {}): CallbackOrder {
  return {
    id: 'o1',
    widgetName: 'Call me back',
    mode: 'automatic',
    phone: '+79991234567',
    name: null,
    slot: null,
    page: { url: null, title: null, referrer: null },
    status: 'ringing',
    operator: null,
    note: null,
    createdAt: NOW - 60_000,
    visitorTimeZone: null,
    addressee: { kind: 'account' },
    outgoingNumber: null,
    ...change,
  };
}
