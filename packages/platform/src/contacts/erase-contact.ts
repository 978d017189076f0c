/**
 * Deleting a contact erases the person: their name, phone and e-mail, and what they wrote, are
 * replaced by a marker everywhere the platform keeps them — their callback orders (phone, name,
 * page, UTM, staff's notes) and those orders' state notes, the chats of every browser tied to
 * them (every message's text, the page), their messenger peers, the e-mails and SMS that quoted
 * any of it, the chat's contact rows — and the contact itself is deleted. One transaction. On
 * SQLite the database runs with `secure_delete` (database.ts), so freed content is zeroed, and
 * the WAL is checkpointed and truncated afterwards, so no old page keeps a copy.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CallRow } from '../calls';
import { eraseVisitorChats } from '../chat';
import { retriedTransaction } from '../storage/retried-transaction';
import type { Tables } from '../storage/tables';

/** What erased data reads as. */
export const ERASED = '[erased]';

/** The shortest written text looked for in the outbox: shorter ones would match by chance. */
const MIN_NEEDLE = 4;

/** What an erase found of the person: the strings other stores may still hold (Redis). */
export interface Erased {
  needles: string[];
}

/** Erases in `trx`; undefined when the contact is not the account's. */
async function eraseIn(
  trx: Transaction<Tables>,
  accountId: string,
  id: string,
): Promise<Erased | undefined> {
  const contact = await trx
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!contact) return undefined;
  const visitorIds = (
    await trx
      .selectFrom('contact_visitors')
      .select('visitor_id')
      .where('contact_id', '=', id)
      .execute()
  ).map((row) => row.visitor_id);
  // The contact's orders, and older ones of its phone placed before the address book kept links.
  const orderIds = (
    await trx
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .where((eb) =>
        eb.or([
          eb('contact_id', '=', id),
          ...(contact.phone ? [eb('phone', '=', contact.phone)] : []),
        ]),
      )
      .execute()
  ).map((row) => row.id);
  const chatNeedles = await eraseVisitorChats(trx, accountId, visitorIds, ERASED);
  if (visitorIds.length > 0) {
    // Their calls from the site stay in the history, without the pages they called from.
    await trx
      .withTables<{ calls: CallRow }>()
      .updateTable('calls')
      .set({
        page_url: null,
        page_title: null,
        utm_source: null,
        utm_medium: null,
        utm_campaign: null,
        utm_term: null,
        utm_content: null,
        visitor_time_zone: null,
      })
      .where('account_id', '=', accountId)
      .where('visitor_id', 'in', visitorIds)
      .execute();
  }
  const needles = [contact.name, contact.phone, contact.email, ...chatNeedles].filter(
    (n): n is string => typeof n === 'string' && n.trim().length >= MIN_NEEDLE,
  );

  if (orderIds.length > 0) {
    await trx
      .updateTable('orders')
      .set({
        phone: ERASED,
        name: null,
        page_url: null,
        page_title: null,
        page_referrer: null,
        utm_source: null,
        utm_medium: null,
        utm_campaign: null,
        utm_term: null,
        utm_content: null,
        visitor_time_zone: null,
        note: null,
        contact_id: null,
      })
      .where('id', 'in', orderIds)
      .execute();
    await trx
      .updateTable('order_events')
      .set({ note: null })
      .where('order_id', 'in', orderIds)
      .execute();
    // The automatic callback's attempts dialled their number.
    await trx
      .withTables<{ calls: CallRow }>()
      .updateTable('calls')
      .set({ caller: ERASED, answered_number: null })
      .where('order_id', 'in', orderIds)
      .execute();
    await trx
      .updateTable('outbox')
      .set({ subject: ERASED, body: ERASED, last_error: null })
      .where('order_id', 'in', orderIds)
      .execute();
  }
  // E-mails and SMS that quoted the person (a chat's non-working e-mails carry their messages).
  if (needles.length > 0) {
    const quoted = (
      await trx
        .selectFrom('outbox')
        .select(['id', 'subject', 'body', 'recipient'])
        .where('account_id', '=', accountId)
        .execute()
    ).filter((row) =>
      needles.some((n) => [row.subject, row.body, row.recipient].some((t) => t?.includes(n))),
    );
    for (const row of quoted) {
      await trx
        .updateTable('outbox')
        .set({
          subject: ERASED,
          body: ERASED,
          last_error: null,
          // A message to the person themselves: their address goes too.
          ...(needles.some((n) => row.recipient.includes(n)) ? { recipient: ERASED } : {}),
        })
        .where('id', '=', row.id)
        .execute();
    }
  }
  await trx.deleteFrom('contact_visitors').where('contact_id', '=', id).execute();
  await trx.deleteFrom('contacts').where('id', '=', id).execute();
  return { needles };
}

/**
 * Erases contact `id` of `accountId` (see the module comment); undefined when there is none.
 * `engine` says whether a WAL checkpoint follows.
 */
export async function eraseContact(
  db: Kysely<Tables>,
  engine: 'sqlite' | 'postgres',
  accountId: string,
  id: string,
): Promise<Erased | undefined> {
  const erased = await retriedTransaction(db, (trx) => eraseIn(trx, accountId, id));
  if (erased && engine === 'sqlite') {
    // The WAL still holds the pages as they were before: copy them back now and empty it.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  }
  return erased;
}
