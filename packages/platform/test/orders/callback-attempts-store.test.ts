/**
 * The automatic callback's attempts in the store, on both engines: one transaction records the
 * call (the history shows the visitor's number calling the widget's name), the order's event and
 * what comes next — a retry that the due-task claim takes again only at its time, the order done,
 * or after the last attempt the task fired and the staff's messages queued. A claim taken over
 * records its call and moves nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackAttempt } from '../../src/orders/order-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newTrunk, orderInput, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;
const MINUTE = 60_000;
const VISITOR = '+79991234567';

describe.each(engines)('automatic callback attempts on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let widget: Widget;
  let trunkId: string;

  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    const account = await newAccount(store);
    widget = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Call me back',
      settings: settingsFor('callback'),
      now: T0,
    });
    const trunk = await newTrunk(store, account.id, T0);
    trunkId = trunk.id;
  });
  afterAll(() => database?.drop());

  /** A new order, claimed by `by` at `now`: its task and id. */
  async function claimed(now: number, by = 'p1') {
    const placed = await store.orders.place(orderInput(widget, now, { order: { name: 'Ivan' } }));
    if (placed.outcome !== 'created') throw new Error(placed.outcome);
    const claims = await store.dueTasks.claim({ now, by, staleBefore: 0, limit: 10 });
    const claim = claims.find((c) => c.order.id === placed.order.id);
    if (!claim) throw new Error('not claimed');
    return claim;
  }

  const attempt = (
    claim: Awaited<ReturnType<typeof claimed>>,
    outcome: CallbackAttempt['outcome'],
    now: number,
    by = 'p1',
  ) =>
    store.orders.recordAttempt({
      orderId: claim.order.id,
      taskId: claim.task.id,
      claimedBy: by,
      trunkId,
      operator: { id: 'u1', name: 'Ann' },
      outcome,
      startedAt: now - 20_000,
      now,
      maxAttempts: 2,
      retryAfterMs: 5 * MINUTE,
      fallback: [{ channel: 'email', recipient: 'boss@shop.example', subject: 'S', body: 'B' }],
    });

  /** The account's trunk calls: the attempts. */
  const attempts = async () =>
    (await store.callHistory.list({ accountId: widget.accountId, limit: 100 })).items.filter(
      (entry) => entry.kind === 'trunk',
    );

  it('a busy visitor: a trunk call of the visitor’s number to the widget’s name, an event, the task due again only after the interval', async () => {
    const t = T0 + 1_000;
    const claim = await claimed(t);
    const recorded = await attempt(claim, { result: 'visitor_busy', sipCode: 486 }, t);
    expect(recorded).toMatchObject({ next: 'retry', attempt: 1, order: { status: 'ringing' } });
    expect((await store.orders.events(claim.order.id)).at(-1)).toMatchObject({
      status: 'ringing',
      note: "Attempt 1 of 2: the visitor's line was busy; calling again in 5 min",
    });
    const rows = await attempts();
    expect(rows.find((row) => row.at === t - 20_000)).toMatchObject({
      kind: 'trunk',
      caller: VISITOR,
      dialled: 'Call me back',
      status: 'busy',
      result: 'busy',
      trunk: { id: trunkId, name: 'Carrier', number: null },
    });
    expect(await store.dueTasks.forOrder(claim.order.id)).toMatchObject({
      dueAt: t + 5 * MINUTE,
      claimedAt: null,
      firedAt: null,
    });
    const early = await store.dueTasks.claim({
      now: t + 5 * MINUTE - 1,
      by: 'p2',
      staleBefore: 0,
      limit: 10,
    });
    expect(early.map((c) => c.order.id)).not.toContain(claim.order.id);
    const again = await store.dueTasks.claim({
      now: t + 5 * MINUTE,
      by: 'p2',
      staleBefore: 0,
      limit: 10,
    });
    expect(again.map((c) => c.order.id)).toContain(claim.order.id);
    // The retry's claim does not ring the order anew: one `ringing` state, one event per attempt.
    expect(
      (await store.orders.events(claim.order.id))
        .filter((e) => e.note === null)
        .map((e) => e.status),
    ).toEqual(['new', 'ringing']);
  });

  it('answered: the order is done by the employee, the call answered with its talk time', async () => {
    const t = T0 + 2_000;
    const claim = await claimed(t);
    const recorded = await attempt(
      claim,
      { result: 'answered', answeredAt: t - 10_000, endedAt: t, talkMs: 10_000 },
      t,
    );
    expect(recorded.next).toBe('done');
    expect(recorded.order).toMatchObject({
      status: 'done',
      doneAt: t,
      operator: { id: 'u1', name: 'Ann' },
    });
    expect((await store.orders.events(claim.order.id)).at(-1)).toMatchObject({
      status: 'done',
      note: 'Attempt 1 of 2: answered, talked 10 s',
    });
    expect((await store.dueTasks.forOrder(claim.order.id))?.firedAt).toBe(t);
    const rows = await attempts();
    expect(rows.find((row) => row.at === t - 20_000)).toMatchObject({
      result: 'answered',
      duration: 10,
      trunk: { id: trunkId, name: 'Carrier', number: VISITOR },
    });
  });

  it('the last attempt unanswered: the task fires, the staff’s messages are queued, the order stays ringing for the consoles', async () => {
    const t = T0 + 3_000;
    const claim = await claimed(t);
    expect((await attempt(claim, { result: 'visitor_no_answer', sipCode: 487 }, t)).next).toBe(
      'retry',
    );
    const [retry] = (
      await store.dueTasks.claim({ now: t + 5 * MINUTE, by: 'p1', staleBefore: 0, limit: 10 })
    ).filter((c) => c.order.id === claim.order.id);
    if (!retry) throw new Error('no retry');
    const last = await attempt(
      retry,
      { result: 'addressee_unanswered', sipCode: 487 },
      t + 5 * MINUTE,
    );
    expect(last).toMatchObject({ next: 'fallback', attempt: 2, order: { status: 'ringing' } });
    expect((await store.orders.events(claim.order.id)).at(-1)?.note).toBe(
      'Attempt 2 of 2: the addressee did not answer; the operators and the staff notified take it over',
    );
    expect((await store.dueTasks.forOrder(claim.order.id))?.firedAt).toBe(t + 5 * MINUTE);
    const outbox = await store.outbox.list({
      accountId: widget.accountId,
      orderId: claim.order.id,
      limit: 10,
    });
    expect(outbox.items.map((m) => [m.kind, m.recipient, m.status])).toEqual([
      ['order', 'boss@shop.example', 'pending'],
    ]);
    // Missed is the order, not its unanswered calls.
    const missed = await store.missed.list(widget.accountId, { now: t + 10 * MINUTE, afterMs: 0 });
    expect(missed.calls).toEqual([]);
    expect(missed.orders.map((o) => o.id)).toContain(claim.order.id);
    expect(
      await store.missed.becameMissed({ from: t + 4 * MINUTE, to: t + 6 * MINUTE, afterMs: 0 }),
    ).toEqual([]);
  });

  it('a claim taken over: its call is history, the order and its task do not move', async () => {
    const t = T0 + 4_000;
    const claim = await claimed(t, 'p1');
    const recorded = await attempt(claim, { result: 'visitor_busy', sipCode: 486 }, t, 'p-other');
    expect(recorded).toMatchObject({ next: 'none', order: { status: 'ringing' } });
    expect((await store.orders.events(claim.order.id)).map((e) => e.status)).toEqual([
      'new',
      'ringing',
    ]);
    expect(await store.dueTasks.forOrder(claim.order.id)).toMatchObject({
      claimedBy: 'p1',
      firedAt: null,
    });
    expect((await attempts()).some((row) => row.at === t - 20_000)).toBe(true);
  });

  it('renews only its own claim, so a long call is not taken over', async () => {
    const t = T0 + 5_000;
    const claim = await claimed(t, 'p1');
    await store.dueTasks.renew(claim.task.id, 'p-other', t + 100_000);
    expect((await store.dueTasks.forOrder(claim.order.id))?.claimedAt).toBe(t);
    await store.dueTasks.renew(claim.task.id, 'p1', t + 100_000);
    expect((await store.dueTasks.forOrder(claim.order.id))?.claimedAt).toBe(t + 100_000);
    const stale = await store.dueTasks.claim({
      now: t + 150_000,
      by: 'p2',
      staleBefore: t + 50_000,
      limit: 10,
    });
    expect(stale.map((c) => c.order.id)).not.toContain(claim.order.id);
  });
});
