/**
 * The non-working e-mails of a conversation, an hour at a time (migration 014): the first
 * `perHour` messages of the hour are e-mailed one by one, the rest of the hour go into one batch
 * e-mail, due when the hour ends, that each of them adds a part to (up to `batchMax`). All in the
 * send's transaction, with the conversation's row locked.
 */
import { type Kysely, sql, type Updateable } from 'kysely';
import { queueMessages } from '../outbox/outbox-store';
import type { ConversationRow, Tables } from '../storage/tables';
import type { NonWorkingEmail } from './chat-records';

/** The length of a conversation's e-mail hour. */
export const EMAIL_HOUR_MS = 3_600_000;

/**
 * Queues the e-mail of one non-working message of `conversation` (locked by the caller).
 * @returns the conversation's changes, for the send's one UPDATE of it.
 */
export async function queueNonWorkingEmail(
  trx: Kysely<Tables>,
  conversation: ConversationRow,
  email: NonWorkingEmail,
  now: number,
): Promise<Updateable<ConversationRow>> {
  const started = conversation.email_hour_started_at;
  const sameHour = started !== null && now < started + EMAIL_HOUR_MS;
  const hourStartedAt = sameHour ? started : now;
  const count = sameHour ? conversation.email_hour_count : 0;
  const batchId = sameHour ? conversation.email_batch_id : null;
  const counted = {
    email_hour_started_at: hourStartedAt,
    email_hour_count: count + 1,
    email_batch_id: batchId,
  };
  const queue = (message: NonWorkingEmail['single'], notBefore?: number) =>
    queueMessages(trx, {
      accountId: conversation.account_id,
      orderId: null,
      kind: 'chat',
      messages: [message],
      now,
      ...(notBefore !== undefined ? { notBefore } : {}),
    });
  if (count < email.perHour) {
    await queue(email.single);
    return counted;
  }
  const position = count - email.perHour;
  if (position >= email.batchMax) return counted;
  const part = email.batch.part + (position === email.batchMax - 1 ? email.batch.full : '');
  if (batchId !== null) {
    // Still waiting for the hour's end (a pass of the outbox may have taken it a moment early).
    const added = await trx
      .updateTable('outbox')
      .set({ body: sql<string>`body || ${part}` })
      .where('id', '=', batchId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (added.numUpdatedRows > 0n) return counted;
  }
  const [id] = await queue(
    { ...email.single, subject: email.batch.subject, body: email.batch.opening + part },
    hourStartedAt + EMAIL_HOUR_MS,
  );
  return { ...counted, email_batch_id: id ?? null };
}
