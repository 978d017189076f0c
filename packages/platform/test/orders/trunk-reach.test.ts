/**
 * An automatic callback is dialled through the account's trunks, so a visitor number that none of
 * them may call is refused when the visitor orders, naming the field; an account without a trunk
 * keeps taking every number its call directions allow (its orders ring the console as before).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { newTrunk } from '../support/store-fixtures';

/** Wednesday 4 March 2026, 10:00 in Moscow: the standard week is open. */
const OPEN = '2026-03-04T07:00:00Z';

/** Every direction allowed, so that only the trunks decide. */
const EVERYWHERE = { local: true, national: true, international: true };

describe.each(engines)("visitor numbers outside the trunks' allow-lists on $name", (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** The 201's status, or the error of a "call me now" order for `phone`. */
  async function order(key: string, phone: string) {
    const response = await postOrder(t, key, { phone, now: true });
    return response.status === 201 ? 201 : { status: response.status, ...(await response.json()) };
  }

  const addTrunk = (name: string, destinations: string[]) =>
    newTrunk(t.platform.store, t.accountId, t.clock().getTime(), { name, destinations });

  it('refuses at order time what no trunk dials; without trunks the card serves every number', async () => {
    t.clock.set(OPEN);
    const auto = await callbackWidget(t, { mode: { ...automatic(null), directions: EVERYWHERE } });
    // No trunk yet: the order rings the consoles, whoever's number it is.
    expect(await order(auto.key, '+1 202 555 0100')).toBe(201);

    await addTrunk('Russia', ['7']);
    expect(await order(auto.key, '+7 999 123 45 67')).toBe(201);
    expect(await order(auto.key, '+1 202 555 0100')).toEqual({
      status: 400,
      error: {
        code: 'invalid_phone',
        field: 'phone',
        message: 'We cannot call numbers in this country.',
      },
    });
    // Premium-rate numbers are valid numbers, but no trunk dials them.
    expect(await order(auto.key, '+7 809 505 12 34')).toEqual({
      status: 400,
      error: {
        code: 'invalid_phone',
        field: 'phone',
        message: 'We cannot call this kind of number.',
      },
    });

    // Any one trunk that takes the number is enough.
    await addTrunk('Americas', ['1']);
    expect(await order(auto.key, '+1 202 555 0100')).toBe(201);

    // Manual orders are dialled by people, not the trunks: every valid number is taken.
    const manual = await callbackWidget(t, {
      mode: { kind: 'manual', emails: ['sales@shop.example'], smsNumbers: [] },
    });
    expect(await order(manual.key, '+44 20 7946 0958')).toBe(201);
  });
});
