/**
 * The call history and the address book at size (`pnpm bench`, not part of CI's tests): one
 * account with 100,000 callback orders over 100 days on two widgets and 10,000 contacts, in a
 * fresh SQLite database of the platform (WAL, synchronous=FULL; PostgreSQL is not reachable
 * inside the bench's network namespace). Each query is the store's own (the admin API's), run 30
 * times after 3 warm-ups; the median and the slowest are reported. Results: `history.json` in the
 * bench cache, rendered by scripts/bench.mjs into BENCHMARKS.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultSettings } from '../../packages/config/src/index.ts';
import { createStore, type Store } from '../../packages/platform/src/storage/store.ts';
import type { ContactRow, OrderRow } from '../../packages/platform/src/storage/tables.ts';
import { sqliteEngine, type TestDatabase } from '../../packages/platform/test/support/databases.ts';

const ORDERS = 100_000;
const CONTACTS = 10_000;
const RUNS = 30;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 100 * 86_400_000;
const root = resolve(import.meta.dirname, '../..');
const out =
  process.env.FRONTDESK_HISTORY_BENCH_OUT ??
  join(root, 'node_modules/.cache/frontdesk-bench/history.json');

let database: TestDatabase;
let store: Store;
let accountId = '';
let shopId = '';
let operatorId = '';

beforeAll(async () => {
  database = await sqliteEngine.open();
  store = createStore(database);
  const account = await store.accounts.create({ name: 'Bench', sipDomain: 'vpbx1.sip.test' });
  accountId = account.id;
  const widget = (name: string) =>
    store.widgets.create({
      accountId,
      type: 'callback',
      name,
      settings: defaultSettings('callback'),
      now: T0,
    });
  const [shop, blog] = [await widget('Shop callback'), await widget('Blog callback')];
  shopId = shop.id;
  operatorId = randomUUID();
  const { db } = database;
  const contacts: ContactRow[] = Array.from({ length: CONTACTS }, (_, i) => {
    const phone = `+7999${String(i).padStart(7, '0')}`;
    const name = `Иван Петров ${i}`;
    return {
      id: randomUUID(),
      account_id: accountId,
      name,
      name_search: name.toLocaleLowerCase('ru'),
      phone,
      phone_digits: phone.slice(1),
      email: `visitor${i}@example.com`,
      created_at: T0 + i,
      updated_at: T0 + i,
    };
  });
  const statuses = ['done', 'done', 'done', 'failed', 'new'] as const;
  const order = (i: number): OrderRow => {
    const contact = contacts[i % CONTACTS] as ContactRow;
    const status = statuses[i % statuses.length] ?? 'new';
    const at = T0 + Math.floor((i / ORDERS) * SPAN);
    return {
      id: randomUUID(),
      account_id: accountId,
      widget_id: i % 2 === 0 ? shop.id : blog.id,
      widget_name: i % 2 === 0 ? shop.name : blog.name,
      mode: 'manual',
      phone: contact.phone ?? '',
      name: contact.name,
      slot_at: null,
      consent: 1,
      page_url: 'https://shop.example/',
      page_title: null,
      page_referrer: null,
      utm_source: 'ya',
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
      visitor_time_zone: null,
      addressee_kind: null,
      addressee_id: null,
      addressee_number: null,
      outgoing_number: null,
      status,
      operator_id: status === 'new' ? null : operatorId,
      operator_name: status === 'new' ? null : 'Olga',
      note: null,
      created_at: at,
      ringing_at: null,
      accepted_at: status === 'new' ? null : at + 60_000,
      done_at: status === 'done' ? at + 120_000 : null,
      failed_at: status === 'failed' ? at + 120_000 : null,
      contact_id: contact.id,
      attempts: 0,
    };
  };
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < CONTACTS; i += 500) {
      await trx
        .insertInto('contacts')
        .values(contacts.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < ORDERS; i += 500) {
      const batch = Array.from({ length: Math.min(500, ORDERS - i) }, (_, k) => order(i + k));
      await trx.insertInto('orders').values(batch).execute();
    }
  });
}, 600_000);

afterAll(() => database?.drop());

/** Median and slowest of `RUNS` timed runs of `query` (after 3 warm-ups), in ms. */
async function timed(
  query: () => Promise<{ items: unknown[] }>,
): Promise<[number, number, number]> {
  for (let i = 0; i < 3; i++) await query();
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    items = (await query()).items.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(RUNS / 2)] ?? 0, times.at(-1) ?? 0, items];
}

it('measures a filtered page of the history and of the contacts', async () => {
  const history = store.callHistory;
  const middle = T0 + SPAN / 2;
  const deep = await history.list({ accountId, limit: 50, to: middle + 86_400_000 });
  const cases: [string, () => Promise<{ items: unknown[] }>][] = [
    ['history: first page (50), no filter', () => history.list({ accountId, limit: 50 })],
    [
      'history: first page, widget + result answered + operator',
      () =>
        history.list({ accountId, limit: 50, widgetId: shopId, result: 'answered', operatorId }),
    ],
    [
      'history: one day, channel callback, result failed',
      () =>
        history.list({
          accountId,
          limit: 50,
          from: middle,
          to: middle + 86_400_000,
          channel: 'callback',
          result: 'failed',
        }),
    ],
    [
      'history: the page after a cursor mid-way',
      () => history.list({ accountId, limit: 50, ...(deep.next ? { cursor: deep.next } : {}) }),
    ],
    ['contacts: first page (50)', () => store.addressBook.list({ accountId, limit: 50 })],
    [
      'contacts: part of a Cyrillic name',
      () => store.addressBook.list({ accountId, limit: 50, q: 'петров 99' }),
    ],
    [
      'contacts: a phone prefix, national format',
      () => store.addressBook.list({ accountId, limit: 50, q: '8 999 000 12' }),
    ],
    [
      'contacts: an e-mail',
      () => store.addressBook.list({ accountId, limit: 50, q: 'visitor4242@example.com' }),
    ],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, query] of cases) {
    const [median, slowest, items] = await timed(query);
    expect(items).toBeGreaterThan(0);
    rows.push([name, items, `${median.toFixed(1)} ms`, `${slowest.toFixed(1)} ms`]);
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(
    out,
    JSON.stringify({
      method:
        `one account, ${ORDERS.toLocaleString('en-US')} callback orders over 100 days on two ` +
        `widgets and ${CONTACTS.toLocaleString('en-US')} contacts, in the platform's SQLite ` +
        '(WAL, synchronous=FULL); each query is the store\u2019s own (what the admin API runs), ' +
        `${RUNS} runs after 3 warm-ups. Runner: \`test/e2e/history.bench-run.ts\`.`,
      columns: ['query', 'rows', 'median', 'slowest'],
      rows,
    }),
  );
}, 600_000);
