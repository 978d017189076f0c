import type { SqliteDialectConfig } from 'kysely';
import { CompiledQuery, type DatabaseConnection, SqliteDialect, SqliteDriver } from 'kysely';
import { beginImmediate } from './begin-immediate';

/**
 * Kysely's SQLite dialect whose transactions start with `begin immediate` (see begin-immediate.ts),
 * so a transaction never fails half-way because another process wrote to the file.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await beginImmediate((statement) => connection.executeQuery(CompiledQuery.raw(statement)));
  }
}
