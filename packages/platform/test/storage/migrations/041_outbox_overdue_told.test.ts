/**
 * Migration 041 on a database with messages queued: the ones already overdue count as told (their
 * admins heard at the 12th failed attempt); the others are not yet told.
 */
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/storage/migrations/index';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('migration 041 on $name', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('marks the messages already overdue as told, and no other', async () => {
    database = await engine.open({ migrate: false });
    const { db } = database;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('040_chat_attachments')).error).toBeUndefined();
    await sql`insert into accounts (id, name, sip_domain, created_at)
      values ('a1', 'Shop', 'shop.sip.test', 0)`.execute(db);
    const rows: [string, string, number, number | null][] = [
      ['overdue', 'pending', 12, 5_012],
      ['later', 'pending', 15, 5_015],
      ['young', 'pending', 3, null],
      ['gone', 'failed', 12, 5_112],
      // In `sending`, the attempt under way is counted already: the 12th has not failed yet.
      ['trying12', 'sending', 12, 6_012],
      ['trying13', 'sending', 13, 6_013],
    ];
    for (const [id, status, attempts, claimedAt] of rows) {
      await sql`insert into outbox (id, account_id, channel, recipient, body, status, attempts,
          next_attempt_at, claimed_at, created_at, kind)
        values (${id}, 'a1', 'sms', '+79990001122', 'Call the visitor', ${status}, ${attempts},
          9000, ${claimedAt}, 1000, 'order')`.execute(db);
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const told = await db
      .withTables<{ outbox: { id: string; overdue_told_at: number | string | null } }>()
      .selectFrom('outbox')
      .select(['id', 'overdue_told_at'])
      .orderBy('id')
      .execute();
    expect(told.map((row) => [row.id, row.overdue_told_at && Number(row.overdue_told_at)])).toEqual(
      [
        ['gone', null],
        ['later', 5_015],
        ['overdue', 5_012],
        ['trying12', null],
        ['trying13', 6_013],
        ['young', null],
      ],
    );
  });
});
