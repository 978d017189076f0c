/** The outbox's records and repository. */
import type { Cursor, Page } from '../storage/page';

export type OutboxChannel = 'email' | 'sms';

/**
 * What a message is about, which decides what a pass sends first: an order's notification and an
 * alert to the account's admins, then an embed code, then a chat e-mail.
 */
export type OutboxKind = 'order' | 'alert' | 'embed' | 'chat';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** An e-mail or SMS to queue. */
export interface NewOutboxMessage {
  channel: OutboxChannel;
  /** An e-mail address or an E.164 number. */
  recipient: string;
  /** E-mail only. */
  subject: string | null;
  body: string;
}

/** A queued e-mail or SMS and where its delivery stands. */
export interface OutboxMessage extends NewOutboxMessage {
  id: string;
  accountId: string;
  orderId: string | null;
  kind: OutboxKind;
  status: OutboxStatus;
  /** Attempts so far; each claim counts one, so it also tells one claim from the next. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  /** When it was given up (`failed`); its admins were e-mailed then. */
  failedAt: number | null;
  createdAt: number;
}

/** How a send went, for {@link Store.outbox.settle}. */
export type SendOutcome =
  | { status: 'sent'; at: number }
  | { status: 'pending'; error: string; retryAt: number }
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
   * out and another pass claimed it since). A message given up (`failed`) is e-mailed to the
   * account's admins in the same transaction, once; an alert given up is not.
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
