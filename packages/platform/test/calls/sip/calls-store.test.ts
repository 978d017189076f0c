/**
 * The `calls` repository on both engines: a call starts ringing once per Call-ID, changes only
 * from the state each event expects, lists newest first, and the edge's widget list holds live,
 * active call widgets only.
 */
import { defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCall } from '../../../src/calls/call-records';
import type { Store } from '../../../src/storage/store';
import { createStore } from '../../../src/storage/store';
import { engines, type TestDatabase } from '../../support/databases';
import { newAccount } from '../../support/store-fixtures';

describe.each(engines)('calls on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let accountId: string;
  let widgetId: string;
  let line: string;

  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    accountId = (await newAccount(store)).id;
    const widget = await store.widgets.create({
      accountId,
      type: 'call',
      name: 'Call us',
      settings: defaultSettings('call'),
      now: 1_000,
    });
    widgetId = widget.id;
    line = widget.sipLine ?? '';
  });
  afterAll(async () => {
    await database?.drop();
  });

  const call = (callId: string, startedAt: number): NewCall => ({
    callId,
    accountId,
    widgetId,
    widgetName: 'Call us',
    line,
    visitorId: 'visitor-1',
    page: { url: 'https://shop.example/', title: null },
    utm: { source: 'mail', campaign: 'spring' },
    visitorTimeZone: 'Europe/Moscow',
    startedAt,
  });

  it('goes ringing → answered → completed, once each, and ignores repeats', async () => {
    expect(await store.calls.start(call('a@test', 10_000))).toBe(true);
    expect(await store.calls.start(call('a@test', 10_001))).toBe(false);
    expect(await store.calls.end('a@test', { at: 10_500, by: 'visitor' })).toBe(false);
    const operator = { id: 'op-1', name: 'Olga' };
    expect(await store.calls.answer('a@test', { at: 11_000, operator })).toBe(true);
    expect(await store.calls.answer('a@test', { at: 11_500, operator: null })).toBe(false);
    expect(await store.calls.fail('a@test', { at: 11_600, status: 'busy', sipCode: 486 })).toBe(
      false,
    );
    expect(await store.calls.end('a@test', { at: 12_000, by: 'operator' })).toBe(true);
    expect(await store.calls.end('a@test', { at: 13_000, by: 'timeout' })).toBe(false);
    expect(await store.calls.byCallId('a@test')).toEqual({
      id: expect.any(String),
      callId: 'a@test',
      accountId,
      widgetId,
      widgetName: 'Call us',
      line,
      visitorId: 'visitor-1',
      page: { url: 'https://shop.example/', title: null },
      utm: { source: 'mail', campaign: 'spring' },
      visitorTimeZone: 'Europe/Moscow',
      status: 'completed',
      sipCode: null,
      operator,
      answeredNumber: null,
      trunkId: null,
      failReason: null,
      endedBy: 'operator',
      startedAt: 10_000,
      answeredAt: 11_000,
      endedAt: 12_000,
    });
  });

  it('ends an unanswered call once, with its status and SIP code', async () => {
    await store.calls.start(call('b@test', 20_000));
    expect(
      await store.calls.fail('b@test', { at: 21_000, status: 'no_answer', sipCode: 408 }),
    ).toBe(true);
    expect(await store.calls.answer('b@test', { at: 22_000, operator: null })).toBe(false);
    expect(await store.calls.byCallId('b@test')).toMatchObject({
      status: 'no_answer',
      sipCode: 408,
      failReason: null,
      answeredAt: null,
      endedAt: 21_000,
    });
    // A reason beside the status, where the SIP code does not say it (the trunk down: 502).
    await store.calls.start(call('d@test', 20_500));
    await store.calls.fail('d@test', {
      at: 21_500,
      status: 'failed',
      sipCode: 502,
      reason: 'trunk_unavailable',
    });
    expect(await store.calls.byCallId('d@test')).toMatchObject({
      status: 'failed',
      sipCode: 502,
      failReason: 'trunk_unavailable',
    });
    expect(await store.calls.fail('missing@test', { at: 1, status: 'busy', sipCode: 486 })).toBe(
      false,
    );
  });

  it('lists an account’s calls newest first, in pages', async () => {
    for (let i = 0; i < 3; i++) await store.calls.start(call(`c${i}@test`, 30_000 + i));
    const first = await store.calls.list({ accountId, from: 30_000, limit: 2 });
    expect(first.items.map((c) => c.callId)).toEqual(['c2@test', 'c1@test']);
    expect(first.next).not.toBeNull();
    const second = await store.calls.list({
      accountId,
      from: 30_000,
      limit: 2,
      cursor: first.next ?? undefined,
    });
    expect(second.items.map((c) => c.callId)).toEqual(['c0@test']);
    expect(second.next).toBeNull();
    const other = await newAccount(store);
    expect((await store.calls.list({ accountId: other.id, limit: 10 })).items).toEqual([]);
  });

  it('lists live, active call widgets of every account for the edge', async () => {
    const paused = await store.widgets.create({
      accountId,
      type: 'call',
      name: 'Paused',
      settings: defaultSettings('call'),
      active: false,
      now: 2_000,
    });
    const deleted = await store.widgets.create({
      accountId,
      type: 'call',
      name: 'Deleted',
      settings: defaultSettings('call'),
      now: 2_000,
    });
    await store.widgets.softDelete(deleted.id, { reason: null, now: 3_000 });
    const chat = await store.widgets.create({
      accountId,
      type: 'chat',
      name: 'Chat',
      settings: defaultSettings('chat'),
      now: 2_000,
    });
    const ids = (await store.calls.callWidgets()).map((w) => w.id);
    expect(ids).toContain(widgetId);
    for (const id of [paused.id, deleted.id, chat.id]) expect(ids).not.toContain(id);
    const [widget] = (await store.calls.callWidgets()).filter((w) => w.id === widgetId);
    expect(widget?.settings).toEqual(defaultSettings('call'));
  });

  it('tells which operators of the account are in an answered call now, since a moment', async () => {
    const busy = await newAccount(store);
    const widget = await store.widgets.create({
      accountId: busy.id,
      type: 'call',
      name: 'Busy line',
      settings: defaultSettings('call'),
      now: 1_000,
    });
    const on = (callId: string, startedAt: number): NewCall => ({
      ...call(callId, startedAt),
      accountId: busy.id,
      widgetId: widget.id,
      line: widget.sipLine ?? '',
    });
    const olga = { id: 'op-olga', name: 'Olga' };
    const oleg = { id: 'op-oleg', name: 'Oleg' };
    // Talking now, twice over (one operator, two calls): once in the answer.
    for (const id of ['talk-1@test', 'talk-2@test']) {
      await store.calls.start(on(id, 50_000));
      await store.calls.answer(id, { at: 50_100, operator: olga });
    }
    // Oleg's call ended; a ringing call and an old answered one (before `since`) do not count.
    await store.calls.start(on('done@test', 50_000));
    await store.calls.answer('done@test', { at: 50_100, operator: oleg });
    await store.calls.end('done@test', { at: 50_200, by: 'visitor' });
    await store.calls.start(on('ringing@test', 50_000));
    await store.calls.start(on('stale@test', 10_000));
    await store.calls.answer('stale@test', { at: 10_100, operator: oleg });

    expect(await store.calls.operatorsInCall(busy.id, 40_000)).toEqual([olga.id]);
    expect((await store.calls.operatorsInCall(busy.id, 0)).sort()).toEqual([oleg.id, olga.id]);
    expect(await store.calls.operatorsInCall(accountId, 40_000)).toEqual([]);
  });
});
