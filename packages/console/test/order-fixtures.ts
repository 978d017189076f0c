/** Callback orders as `/ops` and the admin API give them to the console, for its tests. */
import type { OpsOrder } from '@frontdesk/config';

/** The tests' clock: 10:00 in Moscow. */
export const NOW = Date.parse('2026-03-04T07:00:00Z');

/** A ringing automatic "call me now" order of a minute ago, changed by `change`. */
export function order(change: Partial<OpsOrder> = {}): OpsOrder {
  return {
    id: 'o1',
    accountId: 'a1',
    widgetId: 'w1',
    widgetName: 'Call me back',
    mode: 'automatic',
    phone: '+79991234567',
    name: null,
    slot: null,
    consent: true,
    page: { url: null, title: null, referrer: null, utm: {} },
    status: 'ringing',
    operator: null,
    note: null,
    createdAt: NOW - 60_000,
    ringingAt: NOW - 60_000,
    acceptedAt: null,
    doneAt: null,
    failedAt: null,
    visitorTimeZone: null,
    addressee: { kind: 'account' },
    outgoingNumber: null,
    connect: null,
    visitor: null,
    ...change,
  };
}
