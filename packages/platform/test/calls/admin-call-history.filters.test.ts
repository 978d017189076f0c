import { type CallHistoryEntry, defaultSettings } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { newTrunk } from '../support/store-fixtures';

const T0 = Date.parse('2026-03-04T07:00:00Z');
const MINUTE = 60_000;

describe.each(engines)('the call history’s filters and CSV on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let call: Widget;
  let callback: Widget;
  let orderId = '';

  let trunkId = '';
  /** A trunk of the account named `name`. */
  const trunkNamed = (name: string) =>
    newTrunk(t.platform.store, t.accountId, T0, { name, host: 'sip.provider.example' });

  /**
   * A call from `call` at minute `minute`, ending as `end` says: `forwarded`, answered by a phone
   * through the trunk; `trunk_down`, failed because the trunk was down.
   */
  const placeCall = async (
    minute: number,
    end: 'answered' | 'busy' | 'cancelled' | 'no_answer' | 'forwarded' | 'trunk_down',
    page: { url: string | null; title: string | null } = { url: null, title: null },
  ) => {
    const callId = `call-${minute}@test`;
    const at = T0 + minute * MINUTE;
    await t.platform.store.calls.start({
      callId,
      accountId: t.accountId,
      widgetId: call.id,
      widgetName: call.name,
      line: call.sipLine ?? '',
      visitorId: `v-${minute}`,
      page,
      utm: {},
      visitorTimeZone: 'Asia/Yekaterinburg',
      startedAt: at,
    });
    if (end === 'answered' || end === 'forwarded') {
      await t.platform.store.calls.answer(callId, {
        at: at + 2_000,
        operator: t.users.admin,
        ...(end === 'forwarded' ? { answeredNumber: '+79161234567', trunkId } : {}),
      });
      await t.platform.store.calls.end(callId, { at: at + 62_000, by: 'visitor' });
    } else if (end === 'trunk_down') {
      await t.platform.store.calls.fail(callId, {
        at: at + 1_000,
        status: 'failed',
        sipCode: 502,
        reason: 'trunk_unavailable',
      });
    } else {
      await t.platform.store.calls.fail(callId, { at: at + 5_000, status: end, sipCode: 486 });
    }
  };

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    t.clock.set(new Date(T0).toISOString());
    call = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: '=HYPERLINK("x")',
      settings: defaultSettings('call'),
      now: T0,
    });
    callback = await callbackWidget(t, { mode: automatic(null) });
    const response = await postOrder(t, callback.key, {
      phone: '+79991234567',
      now: true,
      name: '@Ivan, "the boss"',
      page: { url: 'https://shop.example/?a=1,b=2', title: 'Line\r\nbreak', utm: { source: 'ya' } },
    });
    orderId = (await response.json()).id;
    await placeCall(1, 'answered', { url: 'https://shop.example/call', title: '-1 day deal' });
    await placeCall(2, 'busy');
    await placeCall(3, 'cancelled');
    await placeCall(4, 'no_answer');
    trunkId = (await trunkNamed('Beeline')).id;
    await placeCall(5, 'forwarded');
    await placeCall(6, 'trunk_down');
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const ids = async (query: string) => {
    const response = await (await t.signIn('marketer'))(`/v1/admin/call-history?${query}`);
    expect(response.status, query).toBe(200);
    const page = (await response.json()) as { items: CallHistoryEntry[] };
    return page.items.map((entry) => (entry.kind === 'callback' ? entry.kind : entry.at - T0));
  };

  it('gives calls and orders one result each; a call through a trunk is a trunk call', async () => {
    const response = await (await t.signIn('admin'))('/v1/admin/call-history');
    const { items } = (await response.json()) as { items: CallHistoryEntry[] };
    expect(items.map((entry) => [entry.kind, entry.status, entry.result, entry.duration])).toEqual([
      ['trunk', 'failed', 'failed', null],
      ['trunk', 'completed', 'answered', 60],
      ['call', 'no_answer', 'missed', null],
      ['call', 'cancelled', 'cancelled', null],
      ['call', 'busy', 'busy', null],
      ['call', 'completed', 'answered', 60],
      ['callback', 'new', 'open', null],
    ]);
    expect(items[2]).toMatchObject({ line: call.sipLine, visitorTimeZone: 'Asia/Yekaterinburg' });
    expect(items[6]).toMatchObject({ id: orderId, line: '+74950001122' });
    // Why the trunk call failed, and where the forwarded one was answered (the trunk by name).
    expect(items[0]).toMatchObject({ failReason: 'trunk_unavailable', trunk: null });
    expect(items[1]).toMatchObject({
      failReason: null,
      trunk: { id: trunkId, name: 'Beeline', number: '+79161234567' },
    });
    expect(items.slice(2).every((e) => e.failReason === null && e.trunk === null)).toBe(true);
  });

  it('filters by result, channel (trunk calls too), line and operator', async () => {
    expect(await ids('result=busy')).toEqual([2 * MINUTE]);
    expect(await ids('result=missed')).toEqual([4 * MINUTE]);
    expect(await ids('result=open')).toEqual(['callback']);
    expect(await ids('channel=callback')).toEqual(['callback']);
    expect(await ids('channel=call&result=answered')).toEqual([MINUTE]);
    expect(await ids('channel=call')).toEqual([4 * MINUTE, 3 * MINUTE, 2 * MINUTE, MINUTE]);
    expect(await ids('channel=trunk')).toEqual([6 * MINUTE, 5 * MINUTE]);
    expect(await ids('channel=trunk&result=failed')).toEqual([6 * MINUTE]);
    expect(await ids(`line=${encodeURIComponent(call.sipLine ?? '')}`)).toHaveLength(6);
    expect(await ids('line=%2B74950001122')).toEqual(['callback']);
    expect(await ids(`operator=${t.users.admin.id}`)).toEqual([5 * MINUTE, MINUTE]);
    expect(await ids(`operator=${t.users.operator.id}`)).toEqual([]);
  });

  it('names the field of a filter it refuses', async () => {
    const admin = await t.signIn('admin');
    for (const [query, field] of [
      ['result=won', 'result'],
      ['channel=fax', 'channel'],
      [`operator=${'x'.repeat(65)}`, 'operator'],
    ] as const) {
      for (const path of ['/v1/admin/call-history', '/v1/admin/call-history.csv']) {
        const response = await admin(`${path}?${query}`);
        expect(response.status, query).toBe(400);
        expect((await response.json()).error, query).toMatchObject({ code: 'invalid', field });
      }
    }
  });

  it('exports what the filter shows as CSV, byte for byte', async () => {
    const response = await (await t.signIn('marketer'))(
      `/v1/admin/call-history.csv?to=${new Date(T0 + 2 * MINUTE).toISOString()}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="call-history.csv"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    const expected = [
      'Time (UTC),Company time,Company time zone,Channel,Caller,Caller name,Dialled,Line,' +
        'Operator,Duration (s),Result,Status,Page URL,Page title,UTM source,UTM medium,' +
        'UTM campaign,Note',
      `2026-03-04T07:01:00.000Z,2026-03-04 10:01,Europe/Moscow,call,"'=HYPERLINK(""x"")",,` +
        `${call.sipLine},${call.sipLine},Admin Person,60,answered,completed,` +
        `https://shop.example/call,'-1 day deal,,,,`,
      `2026-03-04T07:00:00.000Z,2026-03-04 10:00,Europe/Moscow,callback,'+79991234567,` +
        `"'@Ivan, ""the boss""",Call me back,'+74950001122,,,open,new,` +
        `"https://shop.example/?a=1,b=2","Line\r\nbreak",ya,,,`,
    ];
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toBe(`\uFEFF${expected.join('\r\n')}\r\n`);
    // Trunk calls are their own channel in the file too.
    const trunks = await (await t.signIn('marketer'))(
      `/v1/admin/call-history.csv?channel=trunk&to=${new Date(T0 + 7 * MINUTE).toISOString()}`,
    );
    const lines = (await trunks.text()).split('\r\n').slice(1, -1);
    expect(
      lines.map((line) => line.split(',').slice(3, 4).concat(line.split(',').slice(10, 11))),
    ).toEqual([
      ['trunk', 'failed'],
      ['trunk', 'answered'],
    ]);
  });

  // Last: it adds a call (at minute 7) that the tests above do not expect.
  it('keeps a trunk call whose trunk was deleted, naming no trunk', async () => {
    const gone = await trunkNamed('Temporary');
    trunkId = gone.id;
    await placeCall(7, 'forwarded');
    expect(await t.platform.store.trunks.delete(gone.id)).toBe(true);
    const response = await (await t.signIn('admin'))(
      `/v1/admin/call-history?channel=trunk&from=${new Date(T0 + 7 * MINUTE).toISOString()}`,
    );
    const { items } = (await response.json()) as { items: CallHistoryEntry[] };
    expect(items.map((e) => e.trunk)).toEqual([
      { id: gone.id, name: null, number: '+79161234567' },
    ]);
  });
});
