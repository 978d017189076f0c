import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
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
    async create({ name, sipDomain, language = 'ru' }) {
      assertStorableText('name', name);
      assertStorableText('sipDomain', sipDomain);
      const row: AccountRow = {
        id: randomUUID(),
        name,
        sip_domain: sipDomain,
        language,
        created_at: now(),
      };
      try {
        await db.insertInto('accounts').values(row).execute();
      } catch (error) {
        if (uniqueViolation(error) === 'accounts.sip_domain') {
          throw new StoreError('conflict', 'sipDomain', `another account has "${sipDomain}"`);
        }
        throw error;
      }
      return toAccount(row);
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

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    sipDomain: row.sip_domain,
    language: row.language,
    createdAt: row.created_at,
  };
}
