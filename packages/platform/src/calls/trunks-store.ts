import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import { isForeignKeyViolation } from '../storage/constraint-violation';
import { nextSeq } from '../storage/insertion-order';
import { deleteSecrets, storedSecretNames, writeSecrets } from '../storage/secrets';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { Tables, TrunkRow } from '../storage/tables';
import type { NewTrunk, Trunk } from './call-records';

/** The secret's name under its trunk. */
const PASSWORD = 'password';

/**
 * The SIP trunks of {@link createStore}. A trunk's password is a write-only secret (secrets.ts):
 * stored in the transaction of the trunk, read back only as `{ set }`.
 */
export function trunksRepository(db: Kysely<Tables>): Store['trunks'] {
  const trunksOf = async (database: Kysely<Tables>, rows: TrunkRow[]): Promise<Trunk[]> => {
    const stored = await storedSecretNames(
      database,
      'trunk',
      rows.map((row) => row.id),
    );
    return rows.map((row) => toTrunk(row, stored.get(row.id)?.has(PASSWORD) ?? false));
  };
  const listed = (accountId?: string) =>
    db
      .selectFrom('trunks')
      .selectAll()
      .$if(accountId !== undefined, (qb) => qb.where('account_id', '=', accountId ?? ''))
      .orderBy('created_at')
      .orderBy('seq')
      .execute()
      .then((rows) => trunksOf(db, rows));

  return {
    async create(input) {
      const { password, now, ...trunk } = input;
      assertStorableTime('now', now);
      const row: Omit<TrunkRow, 'seq'> = {
        id: randomUUID(),
        account_id: trunk.accountId,
        ...columns(trunk),
        created_at: now,
        updated_at: now,
      } as Omit<TrunkRow, 'seq'>;
      checkText(row);
      try {
        return await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('trunks')
            .values({ ...row, seq: nextSeq('trunks') })
            .execute();
          await writeSecrets(
            trx,
            { kind: 'trunk', id: row.id },
            new Map([[PASSWORD, password]]),
            now,
          );
          return toTrunk({ ...row, seq: 0 }, password !== null);
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new StoreError('not_found', 'accountId', 'no such account');
        }
        throw error;
      }
    },

    async get(id) {
      const row = await db.selectFrom('trunks').selectAll().where('id', '=', id).executeTakeFirst();
      return row && (await trunksOf(db, [row]))[0];
    },

    list: (accountId) => listed(accountId),

    all: () => listed(),

    async update(id, patch) {
      const { password, now, ...changes } = patch;
      assertStorableTime('now', now);
      const values: Updateable<TrunkRow> = { ...columns(changes), updated_at: now };
      checkText(values);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('trunks')
          .set(values)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        if (password !== undefined) {
          await writeSecrets(trx, { kind: 'trunk', id }, new Map([[PASSWORD, password]]), now);
        }
        return (await trunksOf(trx, [row]))[0];
      });
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        const result = await trx.deleteFrom('trunks').where('id', '=', id).executeTakeFirst();
        if (result.numDeletedRows === 0n) return false;
        await deleteSecrets(trx, { kind: 'trunk', id });
        return true;
      });
    },
  };
}

/** The columns of what `trunk` sets (left out: unchanged). */
function columns(trunk: Partial<Omit<NewTrunk, 'password' | 'now'>>): Updateable<TrunkRow> {
  const row: Updateable<TrunkRow> = {};
  if (trunk.name !== undefined) row.name = trunk.name;
  if (trunk.host !== undefined) row.host = trunk.host;
  if (trunk.port !== undefined) row.port = trunk.port;
  if (trunk.transport !== undefined) row.transport = trunk.transport;
  if (trunk.username !== undefined) row.username = trunk.username;
  if (trunk.register !== undefined) row.register = trunk.register ? 1 : 0;
  if (trunk.callerId !== undefined) row.caller_id = trunk.callerId;
  if (trunk.callerIdHeader !== undefined) row.caller_id_header = trunk.callerIdHeader;
  if (trunk.maxCalls !== undefined) row.max_calls = trunk.maxCalls;
  if (trunk.destinations !== undefined) row.destinations = JSON.stringify(trunk.destinations);
  return row;
}

/** The record's names of the text columns, for errors. */
const TEXT_FIELDS = {
  name: 'name',
  host: 'host',
  username: 'username',
  caller_id: 'callerId',
} as const;

function checkText(row: Updateable<TrunkRow>): void {
  for (const [column, field] of Object.entries(TEXT_FIELDS)) {
    const value = row[column as keyof typeof TEXT_FIELDS];
    if (typeof value === 'string') assertStorableText(field, value);
  }
}

function toTrunk(row: TrunkRow, passwordSet: boolean): Trunk {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    host: row.host,
    port: row.port,
    transport: row.transport,
    username: row.username,
    password: { set: passwordSet },
    register: row.register === 1,
    callerId: row.caller_id,
    callerIdHeader: row.caller_id_header,
    maxCalls: row.max_calls,
    destinations: JSON.parse(row.destinations) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
