/** `missed:list` on `/ops` (issue 23): the enquiries nobody handled in time. */
import type { ConversationSummary } from './chat-protocol';
import type { OpsOrder } from './ops-orders';

/** How a site call rang out: nobody online, unanswered, busy, declined, or the visitor hung up. */
export type MissedCallStatus = 'unavailable' | 'no_answer' | 'busy' | 'declined' | 'cancelled';

/** A site call that rang out, not yet marked handled. */
export interface MissedCall {
  id: string;
  widgetName: string;
  status: MissedCallStatus;
  /** What the widget said of the visitor's page. */
  page: { url: string | null; title: string | null };
  startedAt: number;
  endedAt: number | null;
}

/** The answer to `missed:list`. */
export interface MissedList {
  chats: ConversationSummary[];
  calls: MissedCall[];
  orders: OpsOrder[];
}
