/**
 * The automatic callback started by an order's due task, against the phone network (real
 * Kamailio, rtpengine, a digest-demanding carrier, baresip phones) on the injected clock: the
 * platform calls the addressee (an employee's external phone, or an external addressee) first,
 * showing the order's name and number, then the visitor with the widget's outgoing number, and
 * connects them; every attempt is an event of the order and a row of the call history; a busy
 * visitor is called again by the widget's policy; after the last unanswered attempt the order
 * rings the consoles as a card and the staff get e-mail. An order for every operator calls their
 * console softphones; one nobody can take is retried like any unanswered attempt.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallHistoryEntry, RetryPolicy } from '@frontdesk/config';
import { type PhoneNetwork, startPhoneNetwork } from '@frontdesk/phone-network';
import { callbackSlots, createSchedule } from '@frontdesk/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserOffer } from '../calls/sip/browser-offer';
import {
  carrierTrunk,
  type EdgePlatform,
  eventually,
  operatorAgent,
  operatorCredentials,
  startEdgePlatform,
} from '../calls/sip/edge-support';
import { header } from '../calls/sip/sip-client';
import { connectOps, type OpsClient } from '../support/ops-client';
import { automatic, callbackWidget, type Mode, postOrder } from '../support/orders';

const OPEN = '2026-03-04T07:00:00Z';
const EMPLOYEE_PHONE = '+74951110001';
const EXTERNAL = '+74951110007';
const VISITOR = '+79161110002';
/** Rejected or answered by the test, call by call. */
const CHOOSY_VISITOR = '+79161110005';
/** Never answers. */
const SILENT_VISITOR = '+79161110006';
const OUTGOING = '+74957770000';
/** The addressee and the visitor of the call the edge loses. */
const KILL_ADDRESSEE = '+74951110008';
const KILL_VISITOR = '+79161110009';
const TRUNK = { username: 'frontdesk', password: 'trunk-password-of-the-test' };

const policy = (patch: Partial<RetryPolicy> = {}): RetryPolicy => ({
  attempts: 3,
  intervalMinutes: 5,
  ringSeconds: 10,
  notify: { emails: ['boss@shop.example'], smsNumbers: [] },
  ...patch,
});

describe('the automatic callback, started by the due task', () => {
  let p: EdgePlatform;
  let network: PhoneNetwork;
  let dir: string;
  let trunkId: string;
  let ops: OpsClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdesk-auto-callback-'));
    network = await startPhoneNetwork({
      dir,
      numbers: [
        { number: EMPLOYEE_PHONE },
        { number: EXTERNAL },
        { number: VISITOR },
        { number: CHOOSY_VISITOR, answer: 'manual' },
        { number: SILENT_VISITOR, answer: 'manual' },
        { number: KILL_ADDRESSEE },
        { number: KILL_VISITOR, answer: 'manual' },
      ],
      carrier: { trunks: [TRUNK], realm: 'carrier.test' },
      toneSeconds: 60,
    });
    p = await startEdgePlatform({ limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    const trunk = await carrierTrunk(p, carrier, TRUNK, { callerIdHeader: 'from', maxCalls: 4 });
    trunkId = trunk.id;
    await p.edge.syncTables();
    // The operator is the employee whose external phone the widgets ring.
    await p.t.platform.store.users.update(p.t.users.operator.id, { phone: EMPLOYEE_PHONE });
    ops = await connectOps(p.t, 'operator');
  }, 60_000);
  afterAll(async () => {
    ops?.socket.close();
    await p?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const employeeMode = (retries: RetryPolicy = policy()): Mode => ({
    ...automatic({ kind: 'employee', id: p.t.users.operator.id }),
    outgoingNumber: OUTGOING,
    retries,
  });

  async function order(widgetKey: string, body: Record<string, unknown>): Promise<string> {
    const response = await postOrder(p.t, widgetKey, { name: 'Ivan', ...body });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  const history = async (widgetId: string): Promise<CallHistoryEntry[]> => {
    const fetchAs = await p.t.signIn('admin');
    const response = await fetchAs(`/v1/admin/call-history?widget=${widgetId}&channel=trunk`);
    return ((await response.json()) as { items: CallHistoryEntry[] }).items;
  };

  const notes = async (id: string) =>
    (await p.t.platform.store.orders.events(id)).map((event) => [event.status, event.note]);

  const rangCards = (id: string) =>
    ops.received.filter(
      ([event, payload]) => event === 'callback:ringing' && (payload as { id: string }).id === id,
    ).length;

  it('"call me now": the employee’s phone rings with the order’s name and number, then the visitor’s with the outgoing number; connected, the order is done and the history has the call', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, { mode: employeeMode() });
    const employee = network.phone(EMPLOYEE_PHONE);
    const visitor = network.phone(VISITOR);
    const id = await order(widget.key, { phone: VISITOR, now: true });
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await employee.waitFor('CALL_ESTABLISHED', 15_000);
    expect(employee.calls.at(-1)?.peerUri).toContain(`sip:${VISITOR}@`);
    expect(employee.calls.at(-1)?.peerName).toBe(`Ivan ${VISITOR}`);
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    expect(visitor.calls.at(-1)?.peerUri).toContain(`sip:${OUTGOING}@`);
    // The carrier was reached through the account's trunk for both legs.
    const invites = (await network.carrier?.invites()) ?? [];
    expect(invites.slice(-2).map((invite) => invite.number)).toEqual([EMPLOYEE_PHONE, VISITOR]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await visitor.hangup();
    await p.t.platform.workers.callbacksSettled();
    await employee.waitFor('CALL_CLOSED', 10_000);
    expect(await p.t.platform.store.orders.get(id)).toMatchObject({
      status: 'done',
      operator: { id: p.t.users.operator.id },
    });
    expect(await notes(id)).toEqual([
      ['new', null],
      ['ringing', null],
      ['done', expect.stringMatching(/^Attempt 1 of 3: answered, talked [12] s$/)],
    ]);
    expect(await p.t.platform.store.dueTasks.forOrder(id)).toMatchObject({
      firedAt: expect.any(Number),
    });
    // The platform called: the consoles got no card to ring.
    expect(rangCards(id)).toBe(0);
    expect(await history(widget.id)).toEqual([
      expect.objectContaining({
        kind: 'trunk',
        caller: VISITOR,
        dialled: 'Call me back',
        result: 'answered',
        trunk: { id: trunkId, name: 'The carrier', number: VISITOR },
      }),
    ]);
  }, 60_000);

  it('an external addressee, for a slot order: nothing rings before the slot’s start, the addressee’s phone at it', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, {
      mode: { ...automatic({ kind: 'external', number: EXTERNAL }), outgoingNumber: OUTGOING },
    });
    const slot = callbackSlots(createSchedule(widget.settings.schedule), p.t.clock())[2]?.start;
    if (!slot) throw new Error('no slot');
    const id = await order(widget.key, { phone: VISITOR, slot: slot.toISOString() });
    const external = network.phone(EXTERNAL);
    const visitor = network.phone(VISITOR);
    const before = external.calls.length;
    p.t.clock.set(new Date(slot.getTime() - 1).toISOString());
    expect(await p.t.platform.workers.runDue()).toBe(0);
    expect(external.calls).toHaveLength(before);
    p.t.clock.set(slot.toISOString());
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await external.waitFor('CALL_ESTABLISHED', 15_000);
    expect(external.calls.at(-1)?.peerName).toBe(`Ivan ${VISITOR}`);
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    await external.hangup();
    await p.t.platform.workers.callbacksSettled();
    expect(await p.t.platform.store.orders.get(id)).toMatchObject({
      status: 'done',
      ringingAt: slot.getTime(),
    });
  }, 60_000);

  it('the visitor busy: the attempt is recorded, the order is called again five minutes later on the clock, and then answered', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, { mode: employeeMode() });
    const employee = network.phone(EMPLOYEE_PHONE);
    const choosy = network.phone(CHOOSY_VISITOR);
    const id = await order(widget.key, { phone: CHOOSY_VISITOR, now: true });
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await choosy.waitFor('CALL_INCOMING', 15_000);
    // Rejected: baresip answers 486 Busy Here.
    await choosy.hangup();
    await p.t.platform.workers.callbacksSettled();
    await employee.waitFor('CALL_CLOSED', 10_000);
    expect(await p.t.platform.store.orders.get(id)).toMatchObject({ status: 'ringing' });
    expect((await notes(id)).at(-1)).toEqual([
      'ringing',
      "Attempt 1 of 3: the visitor's line was busy; calling again in 5 min",
    ]);
    expect(await history(widget.id)).toEqual([
      expect.objectContaining({ caller: CHOOSY_VISITOR, dialled: 'Call me back', result: 'busy' }),
    ]);
    // Not before the policy's interval.
    p.t.clock.advance(5 * 60_000 - 1);
    expect(await p.t.platform.workers.runDue()).toBe(0);
    p.t.clock.advance(1);
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await choosy.waitFor('CALL_INCOMING', 15_000);
    await choosy.answer();
    await choosy.waitFor('CALL_ESTABLISHED', 10_000);
    await choosy.hangup();
    await p.t.platform.workers.callbacksSettled();
    expect(await p.t.platform.store.orders.get(id)).toMatchObject({ status: 'done' });
    expect((await notes(id)).at(-1)).toEqual([
      'done',
      expect.stringMatching(/^Attempt 2 of 3: answered/),
    ]);
    expect((await history(widget.id)).map((entry) => entry.result)).toEqual(['answered', 'busy']);
    expect(rangCards(id)).toBe(0);
  }, 90_000);

  it('no answer three times: the order rings the consoles as a card and the staff get an e-mail; nothing is called after', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, {
      mode: employeeMode(policy({ ringSeconds: 5, intervalMinutes: 2 })),
    });
    const silent = network.phone(SILENT_VISITOR);
    const id = await order(widget.key, { phone: SILENT_VISITOR, now: true });
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) p.t.clock.advance(2 * 60_000);
      expect(await p.t.platform.workers.runDue()).toBe(1);
      await silent.waitFor('CALL_INCOMING', 15_000);
      await p.t.platform.workers.callbacksSettled();
    }
    const order_ = await p.t.platform.store.orders.get(id);
    expect(order_?.status).toBe('ringing');
    expect((await notes(id)).slice(2)).toEqual([
      ['ringing', 'Attempt 1 of 3: the visitor did not answer; calling again in 2 min'],
      ['ringing', 'Attempt 2 of 3: the visitor did not answer; calling again in 2 min'],
      [
        'ringing',
        'Attempt 3 of 3: the visitor did not answer; the operators and the staff notified take it over',
      ],
    ]);
    await ops.next('callback:ringing', (payload: { id: string }) => payload.id === id);
    const fetchAs = await p.t.signIn('admin');
    const outbox = (await (await fetchAs(`/v1/admin/outbox?order=${id}`)).json()) as {
      items: { channel: string; recipient: string; subject: string; body: string }[];
    };
    expect(outbox.items).toEqual([
      expect.objectContaining({
        channel: 'email',
        recipient: 'boss@shop.example',
        subject: `Not reached after 3 calls: Callback order: ${SILENT_VISITOR} (Ivan)`,
      }),
    ]);
    expect((await history(widget.id)).map((entry) => entry.result)).toEqual([
      'missed',
      'missed',
      'missed',
    ]);
    p.t.clock.advance(60 * 60_000);
    expect(await p.t.platform.workers.runDue()).toBe(0);
  }, 120_000);

  it('the edge’s Kamailio SIGKILLed mid-callback: the attempt ends failed, the order is called again by the policy through the restarted edge — one attempt each time, never lost', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, {
      mode: {
        ...automatic({ kind: 'external', number: KILL_ADDRESSEE }),
        outgoingNumber: OUTGOING,
        retries: policy({ ringSeconds: 5 }),
      },
    });
    const addressee = network.phone(KILL_ADDRESSEE);
    const visitor = network.phone(KILL_VISITOR);
    const id = await order(widget.key, { phone: KILL_VISITOR, now: true });
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await addressee.waitFor('CALL_ESTABLISHED', 15_000);
    await visitor.waitFor('CALL_INCOMING', 15_000);
    const before = p.edge.status();
    process.kill(before.pid ?? 0, 'SIGKILL');
    await eventually(
      async () => p.edge.status(),
      (status) => status.state === 'running' && status.restarts === before.restarts + 1,
      20_000,
    );
    await p.t.platform.workers.callbacksSettled();
    // Whatever the lost call's legs last heard (no final answer, or a 408 from the new Kamailio),
    // the attempt is over unanswered and the order is due again.
    expect((await notes(id)).at(-1)).toEqual([
      'ringing',
      expect.stringMatching(/^Attempt 1 of 3: .*; calling again in 5 min$/),
    ]);
    expect(await history(widget.id)).toEqual([
      expect.objectContaining({
        caller: KILL_VISITOR,
        result: expect.stringMatching(/^(failed|missed)$/),
      }),
    ]);
    // Nothing more until the policy's interval: the order is not called twice meanwhile.
    expect(await p.t.platform.workers.runDue()).toBe(0);
    p.t.clock.advance(5 * 60_000);
    expect(await p.t.platform.workers.runDue()).toBe(1);
    // The restarted edge rings the addressee again.
    await addressee.waitFor('CALL_ESTABLISHED', 15_000);
    await p.t.platform.workers.callbacksSettled();
    expect((await notes(id)).filter(([, note]) => note?.startsWith('Attempt 2 of 3'))).toHaveLength(
      1,
    );
    expect(await history(widget.id)).toHaveLength(2);
  }, 240_000);

  it('every operator: the platform calls their console softphones; the operator who answers talks to the visitor and the order is theirs', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, {
      mode: { ...automatic(null), outgoingNumber: OUTGOING, retries: policy() },
    });
    const credentials = await operatorCredentials(p.t, 'admin');
    const softphone = await operatorAgent(credentials);
    expect((await softphone.register(credentials.uri)).status).toBe(200);
    // The operator's phone answers at once: without it, the admin's console is the one to answer.
    const { store } = p.t.platform;
    await store.users.update(p.t.users.operator.id, { phone: null });
    const visitor = network.phone(VISITOR);
    const id = await order(widget.key, { phone: VISITOR, now: true });
    expect(await p.t.platform.workers.runDue()).toBe(1);
    const incoming = await softphone.nextInvite(10_000);
    // The console is told which order it is called for.
    const card = JSON.parse(
      Buffer.from(header(incoming.invite, 'x-frontdesk-callback') ?? '', 'base64').toString(),
    );
    expect(card).toEqual({
      id,
      phone: VISITOR,
      name: 'Ivan',
      widget: { id: widget.id, name: 'Call me back' },
    });
    await incoming.answer(browserOffer());
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    expect(visitor.calls.at(-1)?.peerUri).toContain(`sip:${OUTGOING}@`);
    await softphone.bye(header(incoming.invite, 'call-id') ?? '');
    await visitor.waitFor('CALL_CLOSED', 10_000);
    await p.t.platform.workers.callbacksSettled();
    expect(await p.t.platform.store.orders.get(id)).toMatchObject({
      status: 'done',
      operator: { id: p.t.users.admin.id },
    });
    expect(rangCards(id)).toBe(0);
    expect((await softphone.register(credentials.uri, { expires: 0 })).status).toBe(200);
    softphone.socket.close();
    await store.users.update(p.t.users.operator.id, { phone: EMPLOYEE_PHONE });
  }, 60_000);

  it('nobody’s console online and no phone: the attempt is unanswered and the order is called again by the policy', async () => {
    p.t.clock.set(OPEN);
    const widget = await callbackWidget(p.t, {
      mode: {
        ...automatic({ kind: 'employee', id: p.t.users.admin.id }),
        outgoingNumber: OUTGOING,
        retries: policy(),
      },
    });
    const id = await order(widget.key, { phone: VISITOR, now: true });
    expect(await p.t.platform.workers.runDue()).toBe(1);
    await p.t.platform.workers.callbacksSettled();
    expect((await notes(id)).at(-1)).toEqual([
      'ringing',
      'Attempt 1 of 3: the addressee did not answer; calling again in 5 min',
    ]);
    expect(rangCards(id)).toBe(0);
  }, 30_000);
});
