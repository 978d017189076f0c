/**
 * The automatic callbacks against a stand-in SIP edge, where what the edge says of itself is the
 * point. An automatic order that falls due while this process's edge is starting or restarting
 * (the platform just started and orders fell due while it was down; Kamailio died) waits for the
 * edge and is called once it runs; the consoles ring it as a card only when the edge stays away
 * or cannot run at all. An order whose claim lapsed while its call went on (the database away for
 * a whole lease) is claimed again by the same process and not called a second time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SipEdge, SipEdgeState } from '../../src/calls/sip';
import type { CallbackCall } from '../../src/calls/sip/third-party-call';
import { type AutoCallbacks, autoCallbacks, ringDue } from '../../src/orders';
import { EDGE_WAIT_MS } from '../../src/orders/auto-callback';
import type { Order } from '../../src/orders/order-records';
import { EDGE_RETRY_MS } from '../../src/orders/ring-due';
import { sqliteEngine, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

const OPEN = '2026-03-04T07:00:00Z';
const claim = { by: 'edge-process', leaseMs: 60_000 };

describe('automatic orders and the state of the SIP edge', () => {
  let database: TestDatabase;
  let t: TestPlatform;
  let state: SipEdgeState;
  let dialled: CallbackCall[];
  let rung: Order[];
  let dial: AutoCallbacks;
  /** While set, calls go on until the test ends them. */
  let calling: Promise<void> | undefined;

  const edge = {
    status: () => ({ state }),
    callback: async (call: CallbackCall) => {
      dialled.push(call);
      await calling;
      return { result: 'failed', sipCode: null };
    },
  } as unknown as SipEdge;
  const feed = {
    ringing: (order: Order) => rung.push(order),
    updated: () => undefined,
    taken: () => undefined,
  };
  const runDue = () => ringDue(t.platform.store, t.clock, feed, claim, dial);
  const later = (ms: number) => t.clock.set(new Date(t.clock().getTime() + ms).toISOString());

  beforeAll(async () => {
    database = await sqliteEngine.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
    t.clock.set(OPEN);
    await t.platform.store.trunks.create({
      accountId: t.accountId,
      name: 'The carrier',
      host: 'sip.carrier.example',
      port: 5060,
      transport: 'udp',
      username: 'shop',
      password: 'trunk-password',
      register: false,
      callerId: null,
      callerIdHeader: 'pai',
      maxCalls: 2,
      destinations: ['7'],
      now: t.clock().getTime(),
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });
  beforeEach(() => {
    dialled = [];
    rung = [];
    calling = undefined;
    dial = autoCallbacks({
      store: t.platform.store,
      clock: t.clock,
      edge,
      feed,
      claim,
      log: (error) => {
        throw error;
      },
    });
  });

  async function callMeNow(): Promise<string> {
    const widget = await callbackWidget(t, { mode: automatic(null) });
    const response = await postOrder(t, widget.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  it('a starting edge: the order waits, and is called once the edge runs', async () => {
    state = 'starting';
    const id = await callMeNow();
    expect(await runDue()).toBe(1);
    expect(rung).toEqual([]);
    expect((await t.platform.store.dueTasks.forOrder(id))?.firedAt).toBeNull();

    state = 'running';
    expect(await runDue()).toBe(0);
    later(EDGE_RETRY_MS);
    expect(await runDue()).toBe(1);
    await dial.settled();
    expect(dialled.map((call) => call.order?.id)).toEqual([id]);
    expect(rung).toEqual([]);
  });

  it('an edge that stays down: the consoles ring the order once the wait is over', async () => {
    state = 'restarting';
    const id = await callMeNow();
    expect(await runDue()).toBe(1);
    later(EDGE_WAIT_MS - 1);
    expect(await runDue()).toBe(1);
    expect(rung).toEqual([]);
    later(EDGE_RETRY_MS);
    expect(await runDue()).toBe(1);
    expect(rung.map((order) => order.id)).toEqual([id]);
    expect((await t.platform.store.dueTasks.forOrder(id))?.firedAt).toBe(t.clock().getTime());
    expect(dialled).toEqual([]);
  });

  it('an edge that cannot run (Kamailio missing): the consoles ring the order at once', async () => {
    state = 'unavailable';
    const id = await callMeNow();
    expect(await runDue()).toBe(1);
    expect(rung.map((order) => order.id)).toEqual([id]);
    expect(dialled).toEqual([]);
  });

  it('a call that outlives its claim (the database away) is not placed again by this process', async () => {
    state = 'running';
    let hangUp = () => {};
    calling = new Promise<void>((resolve) => (hangUp = resolve));
    const id = await callMeNow();
    expect(await runDue()).toBe(1);
    expect(dialled.map((call) => call.order?.id)).toEqual([id]);
    // No renewal reached the store for a whole lease: the task is claimed again, here.
    later(claim.leaseMs);
    expect(await runDue()).toBe(1);
    hangUp();
    await dial.settled();
    expect(dialled.map((call) => call.order?.id)).toEqual([id]);
    expect(rung).toEqual([]);
    // The call that went on is recorded, once, under the claim taken again.
    const notes = (await t.platform.store.orders.events(id)).map((event) => event.note ?? '');
    expect(notes.filter((note) => note.startsWith('Attempt '))).toEqual([
      expect.stringMatching(/^Attempt 1 of \d+: /),
    ]);
  });
});
