/** The outbox's records and repository. */
import type { OutboxMessage } from '@frontdesk/config';
import type { Cursor, Page } from '../storage/page';

export type { OutboxMessage } from '@frontdesk/config';

/** How a message goes out. */
export type OutboxChannel = OutboxMessage['channel'];

/** What a message is about: an order, an admin alert, an embed code, a chat. */
export type OutboxKind = OutboxMessage['kind'];

/** Where a message stands: pending → sending → sent | failed (refused for good) | pending. */
export type OutboxStatus = OutboxMessage['status'];

/** A message to queue: where it goes and what it says. */
export type NewOutboxMessage = Pick<OutboxMessage, 'channel' | 'recipient' | 'subject' | 'body'>;

/**
 * How a send went, for {@link Store.outbox.settle}. Tried again at `retryAt`: a `rateLimited`
 * attempt (the provider's pace, not a failure) is not counted; one past the overdue mark
 * (`overdueAt`, when) tells the admins unless an earlier one did.
 */
export type SendOutcome =
  | { status: 'sent'; at: number }
  | { status: 'pending'; error: string; retryAt: number; rateLimited?: boolean; overdueAt?: number }
  | { status: 'failed'; error: string; at: number };

/** The outbox of e-mails and SMS (`store.outbox`). */
export interface OutboxRepository {
  /** Queues messages about nothing stored (an embed code e-mailed to a developer). */
  queue(input: {
    accountId: string;
    kind: OutboxKind;
    messages: NewOutboxMessage[];
    now: number;
  }): Promise<void>;
  /**
   * Claims messages of `channels` due at `now` (pending, or stuck in sending since before
   * `staleBefore`), counting an attempt for each; each message is claimed by one caller. Order
   * notifications and alerts come first, then the oldest due.
   */
  claim(input: {
    channels: readonly OutboxChannel[];
    now: number;
    by: string;
    staleBefore: number;
    limit: number;
  }): Promise<OutboxMessage[]>;
  /**
   * Records how the send of `claimed` (a message as {@link claim} returned it) by `by` went;
   * false, changing nothing, when that claim is no longer the message's latest (its lease ran
   * out and another pass claimed it since). A message `failed` or made overdue is e-mailed to the
   * account's admins in the same transaction, once (the claim's fence settles each attempt once);
   * an alert is not.
   */
  settle(
    claimed: Pick<OutboxMessage, 'id' | 'attempts'>,
    by: string,
    outcome: SendOutcome,
  ): Promise<boolean>;
  /** The account's messages, newest first. */
  list(filter: {
    accountId: string;
    status?: OutboxStatus;
    orderId?: string;
    cursor?: Cursor;
    limit: number;
  }): Promise<Page<OutboxMessage>>;
}
