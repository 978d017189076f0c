import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';
import { engines, type TestDatabase } from '../support/databases';

describe.each(engines)('migrate on $name', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('applies 001_core to a fresh database, and a second run is a no-op', async () => {
    database = await engine.open({ migrate: false });
    expect(await migrate(database)).toEqual(['001_core']);
    expect(await migrate(database)).toEqual([]);
    const tables = await database.db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual([
      'accounts',
      'group_members',
      'groups',
      'sessions',
      'sip_lines',
      'users',
      'widgets',
    ]);
  });

  it('two processes migrating a fresh database at once both succeed, once', async () => {
    database = await engine.open({ migrate: false });
    const other = await openDatabase(database.options);
    try {
      const runs = await Promise.all([migrate(database), migrate(other)]);
      expect(runs.flat()).toEqual(['001_core']);
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(
        database.db,
      );
      expect(rows).toEqual([{ name: '001_core' }]);
    } finally {
      await other.close();
    }
  });
});
