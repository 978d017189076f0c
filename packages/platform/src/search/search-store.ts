/**
 * The console's search over one account: conversations by the contact's name, phone and e-mail
 * and by the text of any of their messages; callback orders by the visitor's name and phone.
 * Text matches anywhere, ignoring case (Unicode: SQLite's `fold`, registered in database.ts,
 * stands in for PostgreSQL's `lower`); a phone matches by its digits. It reads every row of the
 * account that could match (no index helps a substring), which an account's history affords.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Conversation, ConversationViewer } from '../chat';
import { seenBy, toConversation, viewQuery } from '../chat';
import type { Order } from '../orders';
import { toOrder } from '../orders';
import type { Database } from '../storage/database';
import type { Tables } from '../storage/tables';

/** What to look for: `text` anywhere in a text column, `digits` anywhere in a phone number. */
export interface SearchQuery {
  accountId: string;
  /** Matched case-insensitively; LIKE's wildcards in it are plain characters. */
  text: string;
  /** Digits only; none when the query is not a phone number. */
  digits?: string;
  limit: number;
  /** Conversations only those this viewer may see, filtered before the limit. */
  viewer?: ConversationViewer;
}

/** The search part of the store. */
export interface SearchStore {
  search: {
    /** The account's matching conversations, the latest activity first. */
    conversations(query: SearchQuery): Promise<Conversation[]>;
    /** The account's matching orders, in any state, newest first. */
    orders(query: SearchQuery): Promise<Order[]>;
  };
}

/** `value` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` escaped. */
function anywhere(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search of {@link createStore}. */
export function searchRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): SearchStore['search'] {
  const fold = engine === 'sqlite' ? sql.raw('fold') : sql.raw('lower');
  /** Whether `column` holds `text`, ignoring case. */
  const holds = (column: string, text: string): Expression<SqlBool> =>
    sql<SqlBool>`${fold}(${sql.ref(column)}) like ${anywhere(text.toLowerCase())} escape '\\'`;
  /** Whether the phone number in `column` holds `digits`. */
  const dials = (column: string, digits: string): Expression<SqlBool> =>
    sql<SqlBool>`${sql.ref(column)} like ${anywhere(digits)} escape '\\'`;

  return {
    async conversations({ accountId, text, digits, limit, viewer }) {
      const rows = await viewQuery(db)
        .where('c.account_id', '=', accountId)
        .$call(seenBy(viewer))
        .where((eb) =>
          eb.or([
            holds('k.name', text),
            holds('k.email', text),
            ...(digits ? [dials('k.phone', digits)] : []),
            eb.exists(
              eb
                .selectFrom('chat_messages as s')
                .select('s.id')
                .whereRef('s.conversation_id', '=', 'c.id')
                .where(holds('s.text', text)),
            ),
          ]),
        )
        .orderBy(sql`coalesce(m.at, c.started_at)`, 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toConversation);
    },

    async orders({ accountId, text, digits, limit }) {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('account_id', '=', accountId)
        .where((eb) => eb.or([holds('name', text), ...(digits ? [dials('phone', digits)] : [])]))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toOrder);
    },
  };
}
