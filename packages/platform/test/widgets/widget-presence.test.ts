/**
 * Who can answer a widget now, over real `/ops` sockets on both engines: the people its work
 * goes to with a console connected (not others, not marketers), busy while each of them is in
 * an answered call, an external number always online, a chat's orders by their own mode.
 */
import {
  type CallbackSettings,
  type CallSettings,
  type ChatSettings,
  defaultSettings,
  type WidgetSettings,
} from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { widgetPresence } from '../../src/widgets/widget-presence';
import { engines } from '../support/databases';
import { connectOps } from '../support/ops-client';
import { automatic } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

describe.each(engines)('widget presence on $name', (engine) => {
  let t: TestPlatform;
  let olga: User;
  let otto: User;
  let sales: { kind: 'group'; id: string };

  const suite = socketSuite(engine);
  beforeAll(async () => {
    t = suite.t;
    olga = await t.addUser('operator', 'Olga Operator');
    otto = await t.addUser('operator', 'Otto Outsider');
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Sales',
      memberIds: [t.users.operator.id, olga.id],
    });
    sales = { kind: 'group', id: group.id };
  });

  const online = async (who: Parameters<typeof connectOps>[1]) => {
    const client = await connectOps(t, who);
    suite.keep(client);
    return client;
  };
  const presence = (settings: WidgetSettings) =>
    widgetPresence(
      { ops: t.platform.io.of('/ops'), store: t.platform.store, now: t.clock().getTime() },
      { accountId: t.accountId, settings },
    );
  let calls = 0;
  /** `user` answers a call of a call widget now (the SIP edge's events, as the store takes them). */
  const inCall = async (user: User) => {
    const widget = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: 'Line',
      settings: defaultSettings('call'),
      now: t.clock().getTime(),
    });
    const callId = `presence-${engine.name}-${++calls}@test`;
    await t.platform.store.calls.start({
      callId,
      accountId: t.accountId,
      widgetId: widget.id,
      widgetName: widget.name,
      line: widget.sipLine ?? '',
      visitorId: 'visitor-1',
      page: { url: null, title: null },
      utm: {},
      visitorTimeZone: null,
      startedAt: t.clock().getTime() - 60_000,
    });
    await t.platform.store.calls.answer(callId, {
      at: t.clock().getTime() - 50_000,
      operator: { id: user.id, name: user.name },
    });
    return () => t.platform.store.calls.end(callId, { at: t.clock().getTime(), by: 'visitor' });
  };

  it("follows a call widget's forwarding group: nobody, online, busy while all talk", async () => {
    const call = { ...defaultSettings('call'), forwarding: sales } as CallSettings;
    expect(await presence(call)).toEqual({ presence: 'nobody' });
    // Someone outside the group, and a marketer, answer nothing of this line.
    await online(otto);
    await online('marketer');
    expect(await presence(call)).toEqual({ presence: 'nobody' });
    await online(olga);
    expect(await presence(call)).toEqual({ presence: 'online' });
    const hangUp = await inCall(olga);
    expect(await presence(call)).toEqual({ presence: 'busy' });
    // Another member comes online, free: someone can answer again.
    await online('operator');
    expect(await presence(call)).toEqual({ presence: 'online' });
    await hangUp();
    // Every operator of the account, when it forwards to nobody in particular.
    expect(await presence(defaultSettings('call'))).toEqual({ presence: 'online' });
  });

  it('counts a call widget that reaches a number (forwarded to, or its fallback) as online', async () => {
    const base = { ...defaultSettings('call'), forwarding: sales } as CallSettings;
    const number = { kind: 'external' as const, number: '+74951234567' };
    expect(await presence(base)).toEqual({ presence: 'nobody' });
    expect(await presence({ ...base, forwarding: number })).toEqual({ presence: 'online' });
    expect(await presence({ ...base, fallback: number })).toEqual({ presence: 'online' });
  });

  it('follows the automatic callback addressee; an external number is always there', async () => {
    const base = defaultSettings('callback') as CallbackSettings;
    const employee = { ...base, mode: automatic({ kind: 'employee', id: olga.id }) };
    const external = { ...base, mode: automatic({ kind: 'external', number: '+74951234567' }) };
    const manual: CallbackSettings = {
      ...base,
      mode: { kind: 'manual', emails: ['sales@shop.example'], smsNumbers: [] },
    };
    expect(await presence(employee)).toEqual({ presence: 'nobody' });
    expect(await presence(external)).toEqual({ presence: 'online' });
    expect(await presence(manual)).toEqual({ presence: 'nobody' });
    await online('operator');
    expect(await presence(employee)).toEqual({ presence: 'nobody' });
    // Manual orders may be taken by any operator.
    expect(await presence(manual)).toEqual({ presence: 'online' });
    await online(olga);
    expect(await presence(employee)).toEqual({ presence: 'online' });
    const hangUp = await inCall(olga);
    expect(await presence(employee)).toEqual({ presence: 'busy' });
    await hangUp();
    expect(await presence(employee)).toEqual({ presence: 'online' });
  });

  it("follows a chat's receiver (a call elsewhere keeps nobody from chatting) and its orders' addressee", async () => {
    const base = defaultSettings('chat') as ChatSettings;
    const chat: ChatSettings = {
      ...base,
      channels: {
        ...base.channels,
        site: { ...base.channels.site, receiver: { kind: 'employee', id: olga.id } },
        callback: { enabled: true, mode: automatic(sales) },
      },
    };
    expect(await presence(base)).toEqual({ presence: 'nobody' });
    expect(await presence(chat)).toEqual({ presence: 'nobody', callback: 'nobody' });
    await online('operator');
    expect(await presence(chat)).toEqual({ presence: 'nobody', callback: 'online' });
    await online(olga);
    const hangUp = await inCall(olga);
    const talking = await inCall(t.users.operator);
    // Chats go on during a call; a callback needs someone free to talk.
    expect(await presence(chat)).toEqual({ presence: 'online', callback: 'busy' });
    await hangUp();
    await talking();
  });
});
