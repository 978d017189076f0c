import { type CallHistoryEntry, defaultSettings } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

const T0 = Date.parse('2026-03-04T07:00:00Z');
const MINUTE = 60_000;

describe.each(engines)('the call history’s filters and CSV on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let call: Widget;
  let callback: Widget;
  let orderId = '';

  /** A call from `call` at minute `minute`, ending as `end` says. */
  const placeCall = async (
    minute: number,
    end: 'answered' | 'busy' | 'cancelled' | 'no_answer',
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
    if (end === 'answered') {
      await t.platform.store.calls.answer(callId, { at: at + 2_000, operator: t.users.admin });
      await t.platform.store.calls.end(callId, { at: at + 62_000, by: 'visitor' });
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
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const ids = async (query: string) => {
    const response = await (await t.signIn('marketer'))(`/v1/admin/call-history?${query}`);
    expect(response.status, query).toBe(200);
    const page = (await response.json()) as { items: CallHistoryEntry[] };
    return page.items.map((entry) => (entry.kind === 'call' ? entry.at - T0 : entry.kind));
  };

  it('gives calls and orders one result each', async () => {
    const response = await (await t.signIn('admin'))('/v1/admin/call-history');
    const { items } = (await response.json()) as { items: CallHistoryEntry[] };
    expect(items.map((entry) => [entry.kind, entry.status, entry.result, entry.duration])).toEqual([
      ['call', 'no_answer', 'missed', null],
      ['call', 'cancelled', 'cancelled', null],
      ['call', 'busy', 'busy', null],
      ['call', 'completed', 'answered', 60],
      ['callback', 'new', 'open', null],
    ]);
    expect(items[0]).toMatchObject({ line: call.sipLine, visitorTimeZone: 'Asia/Yekaterinburg' });
    expect(items[4]).toMatchObject({ id: orderId, line: '+74950001122' });
  });

  it('filters by result, channel, line and operator', async () => {
    expect(await ids('result=busy')).toEqual([2 * MINUTE]);
    expect(await ids('result=missed')).toEqual([4 * MINUTE]);
    expect(await ids('result=open')).toEqual(['callback']);
    expect(await ids('channel=callback')).toEqual(['callback']);
    expect(await ids('channel=call&result=answered')).toEqual([MINUTE]);
    expect(await ids(`line=${encodeURIComponent(call.sipLine ?? '')}`)).toHaveLength(4);
    expect(await ids('line=%2B74950001122')).toEqual(['callback']);
    expect(await ids(`operator=${t.users.admin.id}`)).toEqual([MINUTE]);
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
  });
});
