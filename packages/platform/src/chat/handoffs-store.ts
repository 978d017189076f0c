import type { Kysely } from 'kysely';
import { assertStorableTime } from '../storage/storable-values';
import type { ChatHandoffRow, Tables } from '../storage/tables';
import type { ChatHandoff, ChatStore } from './chat-records';

/** The messenger hand-off tokens of {@link createStore}. */
export function chatHandoffsRepository(db: Kysely<Tables>): ChatStore['chatHandoffs'] {
  return {
    async create(handoff) {
      assertStorableTime('createdAt', handoff.createdAt);
      await db
        .insertInto('chat_handoffs')
        .values({
          token: handoff.token,
          account_id: handoff.accountId,
          widget_id: handoff.widgetId,
          visitor_id: handoff.visitorId,
          conversation_id: handoff.conversationId,
          channel: handoff.channel,
          created_at: handoff.createdAt,
        })
        .execute();
      return handoff;
    },
    async get(token) {
      const row = await db
        .selectFrom('chat_handoffs')
        .selectAll()
        .where('token', '=', token)
        .executeTakeFirst();
      return row && toHandoff(row);
    },
  };
}

function toHandoff(row: ChatHandoffRow): ChatHandoff {
  return {
    token: row.token,
    accountId: row.account_id,
    widgetId: row.widget_id,
    visitorId: row.visitor_id,
    conversationId: row.conversation_id,
    channel: row.channel,
    createdAt: row.created_at,
  };
}
