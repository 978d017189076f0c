/** Callback widgets and orders for the tests of the orders pipeline. */
import { randomUUID } from 'node:crypto';
import { type CallbackSettings, defaultSettings } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import type { TestPlatform } from './platform';

/** The mode of a callback widget, as its settings hold it. */
export type Mode = CallbackSettings['mode'];

type Automatic = Extract<Mode, { kind: 'automatic' }>;

/** Automatic mode ringing `addressee` (null: every operator of the account). */
export function automatic(addressee: Automatic['addressee']): Automatic {
  return {
    kind: 'automatic',
    addressee,
    outgoingNumber: '+74950001122',
    directions: { local: true, national: true, international: false },
  };
}

/**
 * A callback widget of the test account: the defaults (standard week in Europe/Moscow, ru),
 * allowed on https://shop.example, with `patch` over them.
 */
export function callbackWidget(
  t: TestPlatform,
  patch: Partial<CallbackSettings> = {},
  active = true,
): Promise<Widget> {
  const settings: CallbackSettings = {
    ...(defaultSettings('callback') as CallbackSettings),
    allowedOrigins: ['https://shop.example'],
    ...patch,
  };
  return t.platform.store.widgets.create({
    accountId: t.accountId,
    type: 'callback',
    name: 'Call me back',
    settings,
    active,
    now: t.clock().getTime(),
  });
}

/** POSTs an order to widget `key` under `key` (a fresh one unless given). */
export function postOrder(
  t: TestPlatform,
  widgetKey: string,
  body: unknown,
  options: { idempotencyKey?: string | null; origin?: string } = {},
): Promise<Response> {
  const { idempotencyKey = randomUUID(), origin } = options;
  return t.request(`/v1/widgets/${widgetKey}/callbacks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
      ...(origin ? { origin } : {}),
    },
    body: JSON.stringify(body),
  });
}
