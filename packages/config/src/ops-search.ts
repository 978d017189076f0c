/** `GET /v1/ops/search?q=`: the console's search. */
import type { ConversationSummary } from './chat-protocol';
import type { OpsOrder } from './ops-orders';

/** What a search finds: conversations the operator may see, and the account's orders. */
export interface SearchResults {
  /** Search results do not say whether a visitor is online (`online: false`). */
  conversations: ConversationSummary[];
  orders: OpsOrder[];
}
