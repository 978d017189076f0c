/**
 * The SIP edge end to end: a real Kamailio started by the platform, SIP over WebSocket from Node.
 * Operators register the lines they serve; a visitor's INVITE rings them; Kamailio reports the
 * call, and it lands in `calls` with its answer and end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackWidget, postOrder } from '../../support/orders';
import {
  callCredentials,
  callWidget,
  type EdgePlatform,
  eventually,
  operatorAgent,
  operatorCredentials,
  startEdgePlatform,
  visitorAgent,
} from './edge-support';
import { header } from './sip-client';

describe('calls through the SIP edge', () => {
  let p: EdgePlatform;

  beforeAll(async () => {
    p = await startEdgePlatform();
  }, 30_000);
  afterAll(async () => {
    await p?.close();
  });

  it('rings the registered operator; the answer and the hang-up land in the call history', async () => {
    const { t } = p;
    const widget = await callWidget(t, {}, 'Call the shop');
    const op = await operatorCredentials(t);
    const line = op.lines.find((l) => l.widgetId === widget.id);
    expect(line?.target).toBe(`sip:${widget.sipLine}`);
    const operator = await operatorAgent(op);
    const registered = await operator.register(line?.target ?? '');
    expect(registered.status).toBe(200);

    const credentials = await callCredentials(t, widget, {
      page: { url: 'https://shop.example/pricing', utm: { source: 'newsletter' } },
      timeZone: 'Asia/Yekaterinburg',
    });
    expect(credentials.target).toBe(`sip:${widget.sipLine}`);
    const visitor = await visitorAgent(credentials);
    const calling = visitor.invite(credentials.target);

    const incoming = await operator.nextInvite();
    // Caller info comes from the platform, not from the visitor's forged header.
    const caller = header(incoming.invite, 'x-frontdesk-caller') ?? '';
    expect(incoming.invite.headers.get('x-frontdesk-caller')).toHaveLength(1);
    const info = JSON.parse(Buffer.from(caller, 'base64').toString('utf8'));
    expect(info).toMatchObject({
      widget: { id: widget.id, key: widget.key, name: 'Call the shop' },
      page: { url: 'https://shop.example/pricing' },
      utm: { source: 'newsletter' },
      visitor: { timeZone: 'Asia/Yekaterinburg' },
    });
    incoming.ring();
    const ack = incoming.answer();
    const placed = await calling;
    expect(placed.final.status).toBe(200);
    await ack;

    const ringing = await eventually(
      () => t.platform.store.calls.byCallId(placed.callId),
      (call) => call?.answeredAt != null,
    );
    expect(ringing).toMatchObject({
      status: 'answered',
      widgetId: widget.id,
      widgetName: 'Call the shop',
      line: widget.sipLine,
      operator: { id: t.users.operator.id, name: t.users.operator.name },
      page: { url: 'https://shop.example/pricing' },
      utm: { source: 'newsletter' },
      visitorTimeZone: 'Asia/Yekaterinburg',
    });

    const byeHeard = operator.answerBye(placed.callId);
    const bye = await visitor.bye(placed.callId);
    expect(bye.status).toBe(200);
    await byeHeard;
    const ended = await eventually(
      () => t.platform.store.calls.byCallId(placed.callId),
      (call) => call?.endedAt != null,
    );
    expect(ended?.status).toBe('completed');
    expect(ended?.endedBy).toBe('visitor');
    expect(ended?.startedAt).toBeLessThanOrEqual(ended?.answeredAt ?? 0);
    expect(ended?.answeredAt).toBeLessThanOrEqual(ended?.endedAt ?? 0);
    // Kamailio's times are the real clock's.
    expect(Math.abs((ended?.startedAt ?? 0) - Date.now())).toBeLessThan(60_000);

    const page = await t.platform.store.calls.list({ accountId: t.accountId, limit: 10 });
    expect(page.items.map((c) => c.callId)).toContain(placed.callId);
    await visitor.socket.close();
    await operator.socket.close();
  });

  it('rings every registered operator at once; the first to answer wins, the others are cancelled', async () => {
    const { t } = p;
    const widget = await callWidget(t, { forwarding: null }, 'Sales line');
    const second = await t.addUser('operator', 'Second Operator');
    const first = await operatorAgent(await operatorCredentials(t, 'operator'));
    const other = await operatorAgent(await operatorCredentials(t, second));
    expect((await first.register(`sip:${widget.sipLine}`)).status).toBe(200);
    expect((await other.register(`sip:${widget.sipLine}`)).status).toBe(200);

    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);
    // Both phones ring, and the visitor hears both, before one is answered, as with people. A 180
    // that comes in while the winner's 200 is being relayed is dropped, and tm (its default
    // cancel_b_method 1, RFC 3261: no CANCEL before a provisional) then waits for another one,
    // which a WebSocket phone never sends: that phone rang on (a tm race, SIP-EDGE.md).
    let ringsHeard = () => {};
    const bothRinging = new Promise<void>((resolve) => (ringsHeard = resolve));
    const tags = new Set<string>();
    const calling = visitor.invite(credentials.target, {
      onProvisional: (response) => {
        if (response.status === 180) tags.add(header(response, 'to') ?? '');
        if (tags.size === 2) ringsHeard();
      },
    });
    const [atFirst, atOther] = await Promise.all([first.nextInvite(), other.nextInvite()]);
    atFirst.ring();
    atOther.ring();
    await Promise.race([bothRinging, calling]);
    expect(tags.size).toBe(2);
    const cancelled = atFirst.cancelled();
    const ack = atOther.answer();
    const placed = await calling;
    expect(placed.final.status).toBe(200);
    await ack;
    await cancelled;

    // The operator hangs up this time.
    const byeHeard = visitor.answerBye(placed.callId);
    expect((await other.bye(placed.callId)).status).toBe(200);
    await byeHeard;
    const call = await eventually(
      () => t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.endedAt != null,
    );
    expect(call).toMatchObject({
      status: 'completed',
      operator: { id: second.id, name: 'Second Operator' },
      endedBy: 'operator',
    });
    for (const agent of [visitor, first, other]) await agent.socket.close();
  });

  it('records a call the visitor gave up while it rang, and one the operator declined', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const operator = await operatorAgent(await operatorCredentials(t));
    expect((await operator.register(`sip:${widget.sipLine}`)).status).toBe(200);
    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);

    const giveUp = visitor.invite(credentials.target, { cancelOnRinging: true });
    const ringing = await operator.nextInvite();
    ringing.ring();
    await ringing.cancelled();
    const gaveUp = await giveUp;
    expect(gaveUp.final.status).toBe(487);

    const declining = visitor.invite(credentials.target);
    (await operator.nextInvite()).reject(603, 'Decline');
    const declined = await declining;
    expect(declined.final.status).toBe(603);

    const statusOf = (callId: string) =>
      eventually(
        () => t.platform.store.calls.byCallId(callId),
        (c) => c?.endedAt != null,
      );
    expect(await statusOf(gaveUp.callId)).toMatchObject({ status: 'cancelled', sipCode: 487 });
    expect(await statusOf(declined.callId)).toMatchObject({
      status: 'declined',
      sipCode: 603,
      answeredAt: null,
      operator: null,
    });
    await visitor.socket.close();
    await operator.socket.close();
  });

  it('answers 480 when nobody is registered for the line, and records the call as unavailable', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);
    const placed = await visitor.invite(credentials.target);
    expect(placed.final.status).toBe(480);
    const call = await eventually(
      () => t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.endedAt != null,
    );
    expect(call).toMatchObject({ status: 'unavailable', sipCode: 480, widgetId: widget.id });
    await visitor.socket.close();
  });

  it('a call placed with the token of a visitor who ordered a callback lands on their contact’s timeline', async () => {
    const { t } = p;
    const token = 'visitor-who-ordered-0000000000000001';
    const callback = await callbackWidget(t);
    const ordered = await postOrder(
      t,
      callback.key,
      { phone: '+79995554433', name: 'Ольга', now: true, visitorToken: token },
      { origin: 'https://shop.example' },
    );
    expect(ordered.status).toBe(201);
    const widget = await callWidget(t, {}, 'Call the salon');
    // The widget's request as it is sent: the page, the zone and the account's token.
    const credentials = await callCredentials(t, widget, {
      page: { url: 'https://shop.example/prices' },
      timeZone: 'Europe/Moscow',
      visitorToken: token,
    });
    const visitor = await visitorAgent(credentials);
    const placed = await visitor.invite(credentials.target);
    await eventually(
      () => t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.endedAt != null,
    );
    await visitor.socket.close();

    const fetchAs = await t.signIn('admin');
    const found = (await (await fetchAs('/v1/admin/contacts?q=%2B79995554433')).json()) as {
      items: { id: string; name: string | null }[];
    };
    expect(found.items.map((c) => c.name)).toEqual(['Ольга']);
    const { timeline } = (await (
      await fetchAs(`/v1/admin/contacts/${found.items[0]?.id}`)
    ).json()) as { timeline: { kind: string; widgetName: string }[] };
    expect(timeline.map((e) => [e.kind, e.widgetName]).sort()).toEqual([
      ['call', 'Call the salon'],
      ['callback', callback.name],
    ]);
  });
});
