import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { migrations } from '../../src/storage/migrations/index';
import { engines, type TestDatabase } from '../support/databases';

describe.each(engines)('migrate on $name', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  const names = Object.keys(migrations).sort();

  it('applies every migration to a fresh database in order, and a second run is a no-op', async () => {
    database = await engine.open({ migrate: false });
    expect(names.slice(0, 2)).toEqual(['001_core', '002_orders']);
    expect(await migrate(database)).toEqual(names);
    expect(await migrate(database)).toEqual([]);
    const tables = await database.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'group_members',
        'groups',
        'sessions',
        'sip_lines',
        'users',
        'widgets',
        'orders',
        'idempotency_keys',
        'order_events',
        'outbox',
        'due_tasks',
      ]),
    );
    const views = tables.filter((table) => table.isView).map((table) => table.name);
    expect(views).toContain('call_history');
  });

  it('two processes migrating a fresh database at once both succeed, once', async () => {
    database = await engine.open({ migrate: false });
    const other = await openDatabase(database.options);
    try {
      const runs = await Promise.all([migrate(database), migrate(other)]);
      expect(runs.flat()).toEqual(names);
      const { rows } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(database.db);
      expect(rows).toEqual(names.map((name) => ({ name })));
    } finally {
      await other.close();
    }
  });
});
