/** Records the storage tests build on: fresh accounts, users and opaque widget settings. */
import { randomUUID } from 'node:crypto';
import type { WidgetSettings, WidgetType } from '@frontdesk/config';
import type { Account, Role, User } from '../../src/accounts/account-records';
import type { Trunk } from '../../src/calls/call-records';
import type { PlaceOrder } from '../../src/orders/order-records';
import type { Store } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';

/**
 * Settings for a widget of `type`. The store keeps settings as opaque JSON, so these need not be
 * schema-valid; the schema's own values are round-tripped in store.settings-roundtrip.test.ts.
 */
export function settingsFor(type: WidgetType, extra: Record<string, unknown> = {}): WidgetSettings {
  return { type, title: `A ${type} widget`, nested: { list: [1, 'two', null] }, ...extra } as never;
}

/** A new account with a SIP domain of its own. */
export function newAccount(store: Store, name = 'Acme'): Promise<Account> {
  return store.accounts.create({ name, sipDomain: `vpbx${randomUUID().slice(0, 8)}.sip.test` });
}

/** A new user of `accountId` with a unique e-mail. */
export function newUser(
  store: Store,
  accountId: string,
  fields: Partial<Omit<User, 'id' | 'accountId' | 'createdAt'>> & { role?: Role } = {},
): Promise<User> {
  return store.users.create({
    accountId,
    email: `user-${randomUUID()}@example.test`,
    name: 'Ann Operator',
    role: 'operator',
    passwordHash: 'scrypt$fake',
    photoUrl: null,
    ...fields,
  });
}

/** What `store.orders.place` needs for an order of `widget` made at `now`, "call me now", automatic. */
export function orderInput(
  widget: Widget,
  now: number,
  extra: Partial<Omit<PlaceOrder, 'order'>> & { order?: Partial<PlaceOrder['order']> } = {},
): PlaceOrder {
  const { order, ...rest } = extra;
  return {
    order: {
      accountId: widget.accountId,
      widgetId: widget.id,
      widgetName: widget.name,
      mode: 'automatic',
      phone: '+79991234567',
      name: null,
      slot: null,
      consent: false,
      page: { url: null, title: null, referrer: null, utm: {} },
      visitorTimeZone: null,
      addressee: { kind: 'account' },
      outgoingNumber: null,
      createdAt: now,
      ...order,
    },
    idempotencyKey: randomUUID(),
    requestHash: 'hash',
    notifications: [],
    dueAt: now,
    ...rest,
  };
}

/** A UDP trunk of `accountId` named `name` (no password, two calls, Russia unless `destinations`). */
export function newTrunk(
  store: Store,
  accountId: string,
  now: number,
  fields: { name?: string; host?: string; destinations?: string[] } = {},
): Promise<Trunk> {
  return store.trunks.create({
    accountId,
    name: 'Carrier',
    host: 'carrier.test',
    port: 5060,
    transport: 'udp',
    username: 'frontdesk',
    password: null,
    register: false,
    callerId: null,
    callerIdHeader: 'from',
    maxCalls: 2,
    destinations: ['7'],
    now,
    ...fields,
  });
}
