import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { ChatVisitorRow, Tables } from '../storage/tables';
import type { ChatStore, ChatVisitor } from './chat-records';

/** The chat visitors of {@link createStore}: found by the hash of their token, never the token. */
export function chatVisitorsRepository(db: Kysely<Tables>): ChatStore['chatVisitors'] {
  return {
    async create({ accountId, widgetId, tokenHash, timeZone, now }) {
      assertStorableTime('now', now);
      if (timeZone !== null) assertStorableText('timeZone', timeZone);
      const row: ChatVisitorRow = {
        id: randomUUID(),
        account_id: accountId,
        widget_id: widgetId,
        token_hash: tokenHash,
        time_zone: timeZone,
        created_at: now,
        last_seen_at: now,
      };
      await db.insertInto('chat_visitors').values(row).execute();
      return toVisitor(row);
    },

    async get(id) {
      const row = await db
        .selectFrom('chat_visitors')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toVisitor(row);
    },

    async byTokenHash(tokenHash) {
      const row = await db
        .selectFrom('chat_visitors')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toVisitor(row);
    },

    async seen(id, { timeZone, now }) {
      assertStorableTime('now', now);
      if (timeZone !== null) assertStorableText('timeZone', timeZone);
      await db
        .updateTable('chat_visitors')
        .set({ last_seen_at: now, ...(timeZone !== null ? { time_zone: timeZone } : {}) })
        .where('id', '=', id)
        .execute();
    },
  };
}

function toVisitor(row: ChatVisitorRow): ChatVisitor {
  return {
    id: row.id,
    accountId: row.account_id,
    widgetId: row.widget_id,
    timeZone: row.time_zone,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}
