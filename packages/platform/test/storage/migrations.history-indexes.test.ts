/**
 * The call history's and the address book's queries are answered from indexes, on both engines:
 * the plans of the queries their repositories make (the same builders) name the indexes. With a
 * few rows PostgreSQL would rather scan, so its plans are read with sequential scans priced out.
 */
import { type Compilable, CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { olderThan } from '../../src/storage/keyset';
import type { Tables } from '../../src/storage/tables';
import { engines, type TestDatabase } from '../support/databases';

describe.each(engines)('the history’s and the contacts’ query plans on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database?.drop());

  /** The plan of `query`, one line a step. */
  const plan = async (query: Compilable): Promise<string> => {
    const { sql: text, parameters } = query.compile();
    return database.db.connection().execute(async (db: Kysely<Tables>) => {
      if (engine.name === 'sqlite') {
        const { rows } = await db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(`explain query plan ${text}`, [...parameters]),
        );
        return rows.map((row) => row.detail).join('\n');
      }
      await sql`set enable_seqscan = off`.execute(db);
      try {
        const { rows } = await db.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${text}`, [...parameters]),
        );
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      } finally {
        await sql`reset enable_seqscan`.execute(db);
      }
    });
  };

  it('pages an account’s history, filtered, from the time indexes of orders and calls', async () => {
    // By result (both arms), and by channel: trunk calls are the calls' arm alone.
    for (const [column, value, indexes] of [
      ['result', 'answered', ['orders_account_id_created_at_id', 'calls_account_id_started_at_id']],
      ['kind', 'trunk', ['calls_account_id_started_at_id']],
    ] as const) {
      const text = await plan(
        database.db
          .selectFrom('call_history')
          .selectAll()
          .where('account_id', '=', 'a1')
          .where(column, '=', value)
          .where('at', '>=', 0)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(51),
      );
      for (const index of indexes) expect(text, value).toContain(index);
      // Read in the page's order and stopped at its end: nothing sorts the account's rows.
      expect(text, text).not.toMatch(/TEMP B-TREE|Sort {2}\(/);
    }
  });

  it('starts the page after a cursor at the cursor in the index', async () => {
    const text = await plan(
      database.db
        .selectFrom('call_history')
        .selectAll()
        .where('account_id', '=', 'a1')
        .where(olderThan('at', 'id', { at: 1_000, id: 'x' }))
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(51),
    );
    expect(text).toMatch(
      /orders_account_id_created_at_id \(account_id=\? AND created_at<\?\)|Index Cond: .*created_at <= /,
    );
    expect(text, text).not.toMatch(/TEMP B-TREE|Sort {2}\(/);
  });

  it('finds contacts by a phone’s first digits and by e-mail from indexes', async () => {
    const byDigits = await plan(
      database.db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', 'a1')
        .where('phone_digits', '>=', '7999')
        .where('phone_digits', '<', '7999:'),
    );
    expect(byDigits).toContain('contacts_account_id_phone_digits');
    const byEmail = await plan(
      database.db
        .selectFrom('contacts')
        .selectAll()
        .where('account_id', '=', 'a1')
        .where('email', '=', 'ivan@example.com'),
    );
    expect(byEmail).toMatch(/contacts_account_id_email_unique|autoindex_contacts/);
    const timeline = await plan(
      database.db.selectFrom('orders').selectAll().where('contact_id', '=', 'k1'),
    );
    expect(timeline).toContain('orders_contact_id_created_at');
  });
});
