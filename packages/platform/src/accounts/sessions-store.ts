import type { Kysely } from 'kysely';
import { isForeignKeyViolation } from '../storage/constraint-violation';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { SessionRow, Tables } from '../storage/tables';
import type { Session } from './account-records';

/** The login sessions of {@link createStore}; the caller makes the ids (hashes of the tokens). */
export function sessionsRepository(db: Kysely<Tables>): Store['sessions'] {
  return {
    async create(input) {
      assertStorableText('id', input.id);
      assertStorableText('csrfToken', input.csrfToken);
      assertStorableTime('createdAt', input.createdAt);
      assertStorableTime('expiresAt', input.expiresAt);
      const row: SessionRow = {
        id: input.id,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: input.createdAt,
        expires_at: input.expiresAt,
      };
      try {
        await db.insertInto('sessions').values(row).execute();
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new StoreError('not_found', 'userId', 'no such user');
        }
        throw error;
      }
      return toSession(row);
    },

    async get(id) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSession(row);
    },

    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteOfUser(userId, exceptId) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
      const rows = await query.returning('id').execute();
      return rows.map((row) => row.id);
    },

    /** Deletes the sessions whose `expiresAt` is at or before `now`; returns how many. */
    async deleteExpired(now) {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
