import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { uniqueViolation } from '../storage/constraint-violation';
import { assertStorableText } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { AccountRow, Tables } from '../storage/tables';
import type { Account } from './account-records';

/** The accounts of {@link createStore}. */
export function accountsRepository(db: Kysely<Tables>, now: () => number): Store['accounts'] {
  const get = async (id: string) => {
    const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  };

  return {
    async create({ name, sipDomain, language }) {
      assertStorableText('name', name);
      assertStorableText('sipDomain', sipDomain);
      // Without a language the column's default (migration 038) applies: one place says which.
      const row: Insertable<AccountRow> = {
        id: randomUUID(),
        name,
        sip_domain: sipDomain,
        ...(language ? { language } : {}),
        created_at: now(),
      };
      try {
        const created = await db
          .insertInto('accounts')
          .values(row)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toAccount(created);
      } catch (error) {
        if (uniqueViolation(error) === 'accounts.sip_domain') {
          throw new StoreError('conflict', 'sipDomain', `another account has "${sipDomain}"`);
        }
        throw error;
      }
    },

    get,

    async update(id, patch) {
      if (patch.language === undefined) return get(id);
      const row = await db
        .updateTable('accounts')
        .set({ language: patch.language })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toAccount(row);
    },
  };
}

function toAccount(row: Selectable<AccountRow>): Account {
  return {
    id: row.id,
    name: row.name,
    sipDomain: row.sip_domain,
    language: row.language,
    createdAt: row.created_at,
  };
}
