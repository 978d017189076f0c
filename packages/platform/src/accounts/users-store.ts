import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import { isForeignKeyViolation, uniqueViolation } from '../storage/constraint-violation';
import { nextSeq } from '../storage/insertion-order';
import { assertStorableText } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { Tables, UserRow } from '../storage/tables';
import type { User } from './account-records';

/** The users of {@link createStore}; e-mails are lower-cased on the way in, so lookups ignore case. */
export function usersRepository(db: Kysely<Tables>, now: () => number): Store['users'] {
  const get = async (id: string) => {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  };

  return {
    async create(input) {
      const row: Omit<UserRow, 'seq'> = {
        id: randomUUID(),
        account_id: input.accountId,
        email: input.email.toLowerCase(),
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash,
        photo_url: input.photoUrl,
        phone: input.phone ?? null,
        language: input.language ?? null,
        created_at: now(),
      };
      checkText(row);
      try {
        await db
          .insertInto('users')
          .values({ ...row, seq: nextSeq('users') })
          .execute();
      } catch (error) {
        throw refusal(error, row.email) ?? error;
      }
      return toUser(row);
    },

    get,

    async byEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && toUser(row);
    },

    async list(accountId) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('seq')
        .execute();
      return rows.map(toUser);
    },

    async update(id, patch) {
      const values: Updateable<UserRow> = {};
      if (patch.email !== undefined) values.email = patch.email.toLowerCase();
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.role !== undefined) values.role = patch.role;
      if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
      if (patch.photoUrl !== undefined) values.photo_url = patch.photoUrl;
      if (patch.phone !== undefined) values.phone = patch.phone;
      if (patch.language !== undefined) values.language = patch.language;
      checkText(values);
      if (Object.keys(values).length === 0) return get(id);
      try {
        const row = await db
          .updateTable('users')
          .set(values)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        return row && toUser(row);
      } catch (error) {
        throw refusal(error, values.email) ?? error;
      }
    },

    async replacePasswordHash(id, from, to) {
      assertStorableText('passwordHash', to);
      const result = await db
        .updateTable('users')
        .set({ password_hash: to })
        .where('id', '=', id)
        .where('password_hash', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('group_members').where('user_id', '=', id).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
        const result = await trx.deleteFrom('users').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },
  };
}

function checkText(row: Updateable<UserRow>): void {
  if (row.email !== undefined) assertStorableText('email', row.email);
  if (row.name !== undefined) assertStorableText('name', row.name);
  if (row.password_hash !== undefined) assertStorableText('passwordHash', row.password_hash);
  if (typeof row.photo_url === 'string') assertStorableText('photoUrl', row.photo_url);
  if (typeof row.phone === 'string') assertStorableText('phone', row.phone);
}

/** The StoreError a failed write means, if it is one the caller can act on. */
function refusal(error: unknown, email: string | undefined): StoreError | undefined {
  if (uniqueViolation(error) === 'users.email') {
    return new StoreError('conflict', 'email', `a user with the e-mail "${email}" exists`);
  }
  if (isForeignKeyViolation(error)) {
    return new StoreError('not_found', 'accountId', 'no such account');
  }
  return undefined;
}

function toUser(row: Omit<UserRow, 'seq'>): User {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    photoUrl: row.photo_url,
    phone: row.phone,
    language: row.language,
    createdAt: row.created_at,
  };
}
