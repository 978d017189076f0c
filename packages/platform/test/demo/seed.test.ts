import { callbackSlots, createSchedule, isOpen } from '@frontdesk/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/accounts/passwords';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';

const sqlite = engines.find((engine) => engine.name === 'sqlite');

describe('demo seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!sqlite) throw new Error('the SQLite test engine is missing');
    database = await sqlite.open();
  });
  afterAll(() => database?.drop());

  it('creates the demo account once, as ARCHITECTURE.md lists it', async () => {
    const store = createStore(database);
    const options = {
      sipDomain: 'sip.test',
      publicUrl: 'http://127.0.0.1:8080',
      demoSiteUrl: 'http://127.0.0.1:8081/index.html',
      now: 0,
    };
    const first = await seedDemo(store, options);
    const again = await seedDemo(store, options);
    expect(again.accountId).toBe(first.accountId);

    const users = await store.users.list(first.accountId);
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ['admin@demo.test', 'admin'],
      ['marketer@demo.test', 'marketer'],
      ['operator@demo.test', 'operator'],
      ['operator2@demo.test', 'operator'],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]?.passwordHash ?? '')).toBe(true);
    const [sales] = await store.groups.list(first.accountId);
    expect(sales?.name).toBe('Sales');
    expect(sales?.memberIds).toEqual(users.filter((u) => u.role === 'operator').map((u) => u.id));

    const widgets = await store.widgets.list(first.accountId);
    expect(widgets.map((w) => w.key)).toEqual([
      'demo-call',
      'demo-callback',
      'demo-chat',
      'demo-callback-office',
    ]);
    for (const widget of widgets) {
      expect(widget.settings.allowedOrigins).toEqual([
        'http://127.0.0.1:8081',
        'http://127.0.0.1:8080',
        'http://localhost:*',
        'http://127.0.0.1:*',
      ]);
    }
  });

  it('keeps the three demo widgets open 24/7 and the office one on Moscow office hours with holidays', async () => {
    const store = createStore(database);
    const byKey = async (key: string) => {
      const widget = await store.widgets.byKey(key);
      if (!widget) throw new Error(`${key} missing`);
      return createSchedule(widget.settings.schedule);
    };
    // Sunday night and New Year's Day: the 24/7 widgets are open, the office is not.
    for (const at of ['2026-03-08T23:30:00+03:00', '2027-01-01T12:00:00+03:00']) {
      for (const key of ['demo-call', 'demo-callback', 'demo-chat'])
        expect(isOpen(await byKey(key), new Date(at))).toBe(true);
      expect(isOpen(await byKey('demo-callback-office'), new Date(at))).toBe(false);
    }
    const office = await byKey('demo-callback-office');
    expect(isOpen(office, new Date('2026-03-04T10:00:00+03:00'))).toBe(true);
    expect(isOpen(office, new Date('2026-03-04T13:30:00+03:00'))).toBe(false);
    expect(
      callbackSlots(office, new Date('2026-12-30T19:00:00+03:00'))[0]?.start.toISOString(),
    ).toBe('2027-01-11T06:00:00.000Z');
  });
});
