/**
 * The platform's outbox as the admin API shows it (`GET /v1/admin/outbox`, an order's
 * notifications): every e-mail and SMS and how far its delivery got.
 */

/** A queued e-mail or SMS and where its delivery stands. */
export interface OutboxMessage {
  id: string;
  accountId: string;
  /** The order it tells staff of, if any. */
  orderId: string | null;
  /** What it is about: an order's notification, an alert to admins, an embed code, a chat e-mail. */
  kind: 'order' | 'alert' | 'embed' | 'chat';
  channel: 'email' | 'sms';
  /** An e-mail address or an E.164 number. */
  recipient: string;
  /** E-mail only. */
  subject: string | null;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  /** Attempts so far. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  /** When it was given up (`failed`); its admins were e-mailed then. */
  failedAt: number | null;
  createdAt: number;
}
