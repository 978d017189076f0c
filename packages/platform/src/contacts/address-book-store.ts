/**
 * The address book of {@link createStore}: contacts made and updated from every source (orders,
 * chat forms, `identify`), merged by phone and e-mail, searched, edited, and each one's enquiries.
 */
import { randomUUID } from 'node:crypto';
import type { AddressBookContact, ContactEnquiry } from '@frontdesk/config';
import type { Kysely, Transaction } from 'kysely';
import type { CallRow } from '../calls';
import { olderThan, pageOf } from '../storage/keyset';
import type { Cursor, Page } from '../storage/page';
import { retriedTransaction } from '../storage/retried-transaction';
import { StoreError } from '../storage/store-error';
import type { ContactRow, Tables } from '../storage/tables';
import { digitsOf, e164, emailKey, searchForm } from './contact-keys';
import { searching } from './contact-search';
import { type Erased, eraseContact } from './erase-contact';

/** What a source tells of a person; absent fields tell nothing, null ones nothing either. */
export interface ContactFacts {
  accountId: string;
  /** The browser's visitor (a chat visitor's id), whose enquiries become the contact's. */
  visitorId?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  now: number;
}

/** Staff's change of a contact: a string sets, an empty string clears, left out keeps. */
export interface ContactChange {
  name?: string;
  phone?: string;
  email?: string;
  now: number;
}

/** The address book (`store.addressBook`). */
export interface AddressBookRepository {
  /**
   * Makes or updates the contact `facts` name: the visitor's, the phone's or the e-mail's — and
   * when they name several, merges them into the oldest. Returns the contact.
   */
  remember(facts: ContactFacts): Promise<AddressBookContact>;
  /** The id of the contact a visitor (a browser) is tied to, if any. */
  contactOfVisitor(accountId: string, visitorId: string): Promise<string | undefined>;
  /** Ties an order to its contact. */
  linkOrder(orderId: string, contactId: string): Promise<void>;
  /** The account's contacts, last changed first; `q` finds by name, phone (prefix) or e-mail. */
  list(query: {
    accountId: string;
    q?: string;
    cursor?: Cursor;
    limit: number;
  }): Promise<Page<AddressBookContact>>;
  get(accountId: string, id: string): Promise<AddressBookContact | undefined>;
  /**
   * Staff's edit. @throws {StoreError} `invalid` naming `phone` for no valid number, `conflict`
   * naming `phone` or `email` when another contact has it (merge them instead).
   */
  update(
    accountId: string,
    id: string,
    change: ContactChange,
  ): Promise<AddressBookContact | undefined>;
  /**
   * Folds contact `goneId` into `keepId`: its browsers and orders follow, its name, phone and
   * e-mail fill what `keepId` lacks, and it is deleted. Undefined when either is not the account's.
   */
  merge(
    accountId: string,
    keepId: string,
    goneId: string,
    now: number,
  ): Promise<AddressBookContact | undefined>;
  /**
   * Deletes the contact and erases the person from the database (erase-contact.ts); what it
   * found of them, for other stores to erase too; undefined if there is no such contact.
   */
  erase(accountId: string, id: string): Promise<Erased | undefined>;
  /** The contact's chats, orders and calls, newest first, across every browser it was met in. */
  timeline(accountId: string, id: string): Promise<ContactEnquiry[]>;
}

function toContact(row: ContactRow): AddressBookContact {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns of a name, a phone and an e-mail. */
function keyColumns(fields: { name: string | null; phone: string | null; email: string | null }) {
  return {
    name: fields.name,
    name_search: fields.name === null ? null : searchForm(fields.name),
    phone: fields.phone,
    phone_digits: fields.phone === null ? null : digitsOf(fields.phone),
    email: fields.email,
  };
}

/** The one attempt of `remember`, in `trx`. */
async function rememberIn(trx: Transaction<Tables>, facts: ContactFacts): Promise<ContactRow> {
  const { accountId, now } = facts;
  const phone = facts.phone ? (e164(facts.phone) ?? null) : null;
  const email = facts.email ? emailKey(facts.email) : null;
  const name = facts.name?.trim() ? facts.name.trim() : null;
  const linked = facts.visitorId
    ? await trx
        .selectFrom('contact_visitors')
        .select('contact_id')
        .where('account_id', '=', accountId)
        .where('visitor_id', '=', facts.visitorId)
        .executeTakeFirst()
    : undefined;
  const found = await trx
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        eb('id', '=', linked?.contact_id ?? ''),
        ...(phone ? [eb('phone', '=', phone)] : []),
        ...(email ? [eb('email', '=', email)] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const [keep, ...others] = found;
  let row: ContactRow;
  if (!keep) {
    row = {
      id: randomUUID(),
      account_id: accountId,
      ...keyColumns({ name, phone, email }),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('contacts').values(row).execute();
  } else {
    // The same phone or e-mail is the same person: the others fold into the oldest.
    for (const other of others) await mergeInto(trx, keep.id, other.id);
    const fill = (key: 'name' | 'phone' | 'email') =>
      keep[key] ?? others.find((o) => o[key] !== null)?.[key] ?? null;
    const merged = {
      name: name ?? fill('name'),
      phone: phone ?? fill('phone'),
      email: email ?? fill('email'),
    };
    row = { ...keep, ...keyColumns(merged), updated_at: now };
    await trx.updateTable('contacts').set(row).where('id', '=', keep.id).execute();
  }
  if (facts.visitorId) {
    await trx
      .insertInto('contact_visitors')
      .values({ account_id: accountId, visitor_id: facts.visitorId, contact_id: row.id })
      .onConflict((oc) =>
        oc.columns(['account_id', 'visitor_id']).doUpdateSet({ contact_id: row.id }),
      )
      .execute();
  }
  return row;
}

/** Moves `goneId`'s visitors and orders to `keepId` and deletes it. */
export async function mergeInto(
  trx: Transaction<Tables>,
  keepId: string,
  goneId: string,
): Promise<void> {
  await trx
    .updateTable('contact_visitors')
    .set({ contact_id: keepId })
    .where('contact_id', '=', goneId)
    .execute();
  await trx
    .updateTable('orders')
    .set({ contact_id: keepId })
    .where('contact_id', '=', goneId)
    .execute();
  await trx.deleteFrom('contacts').where('id', '=', goneId).execute();
}

/** The repository over `db`. */
export function addressBookRepository(
  db: Kysely<Tables>,
  engine: 'sqlite' | 'postgres' = 'sqlite',
): AddressBookRepository {
  const get = async (accountId: string, id: string) => {
    const row = await db
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toContact(row);
  };
  return {
    async remember(facts) {
      try {
        return toContact(await retriedTransaction(db, (trx) => rememberIn(trx, facts)));
      } catch (error) {
        // Another source made the same phone's contact meanwhile: this time it is found.
        if (!isContactsUnique(error)) throw error;
        return toContact(await retriedTransaction(db, (trx) => rememberIn(trx, facts)));
      }
    },
    async contactOfVisitor(accountId, visitorId) {
      const row = await db
        .selectFrom('contact_visitors')
        .select('contact_id')
        .where('account_id', '=', accountId)
        .where('visitor_id', '=', visitorId)
        .executeTakeFirst();
      return row?.contact_id;
    },
    async linkOrder(orderId, contactId) {
      await db
        .updateTable('orders')
        .set({ contact_id: contactId })
        .where('id', '=', orderId)
        .execute();
    },
    async list({ accountId, q, cursor, limit }) {
      const query = searching(
        db.selectFrom('contacts').selectAll().where('account_id', '=', accountId),
        q,
      );
      const rows = await query
        .$if(cursor !== undefined, (qb) =>
          qb.where(olderThan('updated_at', 'id', cursor ?? { at: 0, id: '' })),
        )
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return pageOf(rows, limit, toContact, (row) => ({ at: row.updated_at, id: row.id }));
    },
    get,
    async update(accountId, id, change) {
      return retriedTransaction(db, async (trx) => {
        const row = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return undefined;
        const fields = { name: row.name, phone: row.phone, email: row.email };
        if (change.name !== undefined) fields.name = change.name.trim() || null;
        if (change.phone !== undefined) {
          const phone = change.phone.trim() ? e164(change.phone) : null;
          if (phone === undefined) {
            throw new StoreError('invalid', 'phone', 'This is not a valid phone number.');
          }
          fields.phone = phone;
        }
        if (change.email !== undefined)
          fields.email = change.email.trim() ? emailKey(change.email) : null;
        for (const key of ['phone', 'email'] as const) {
          const value = fields[key];
          if (value === null || value === row[key]) continue;
          const holder = await trx
            .selectFrom('contacts')
            .select('id')
            .where('account_id', '=', accountId)
            .where(key, '=', value)
            .executeTakeFirst();
          if (holder) throw new StoreError('conflict', key, `Another contact has this ${key}.`);
        }
        const updated = { ...row, ...keyColumns(fields), updated_at: change.now };
        await trx.updateTable('contacts').set(updated).where('id', '=', id).execute();
        return toContact(updated);
      });
    },
    async merge(accountId, keepId, goneId, now) {
      return retriedTransaction(db, async (trx) => {
        const rows = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('id', 'in', [keepId, goneId])
          .execute();
        const keep = rows.find((row) => row.id === keepId);
        const gone = rows.find((row) => row.id === goneId);
        if (!keep || !gone || keep === gone) return undefined;
        await mergeInto(trx, keep.id, gone.id);
        const updated = {
          ...keep,
          ...keyColumns({
            name: keep.name ?? gone.name,
            phone: keep.phone ?? gone.phone,
            email: keep.email ?? gone.email,
          }),
          updated_at: now,
        };
        await trx.updateTable('contacts').set(updated).where('id', '=', keep.id).execute();
        return toContact(updated);
      });
    },
    erase: (accountId, id) => eraseContact(db, engine, accountId, id),
    async timeline(accountId, id) {
      const visitors = db
        .selectFrom('contact_visitors')
        .select('visitor_id')
        .where('account_id', '=', accountId)
        .where('contact_id', '=', id);
      const [orders, chats, calls] = await Promise.all([
        db
          .selectFrom('orders')
          .select(['id', 'created_at', 'widget_name', 'status'])
          .where('account_id', '=', accountId)
          .where('contact_id', '=', id)
          .execute(),
        db
          .selectFrom('conversations')
          .innerJoin('widgets', 'widgets.id', 'conversations.widget_id')
          .select([
            'conversations.id',
            'conversations.started_at',
            'conversations.status',
            'widgets.name',
          ])
          .where('conversations.account_id', '=', accountId)
          .where('conversations.visitor_id', 'in', visitors)
          .execute(),
        // Calls placed with the account's visitor token carry the chat's visitor id.
        db
          .withTables<{ calls: CallRow }>()
          .selectFrom('calls')
          .select(['id', 'started_at', 'widget_name', 'status'])
          .where('account_id', '=', accountId)
          .where('visitor_id', 'in', visitors)
          .execute(),
      ]);
      const enquiries: ContactEnquiry[] = [
        ...orders.map(
          (o): ContactEnquiry => ({
            kind: 'callback',
            id: o.id,
            at: o.created_at,
            widgetName: o.widget_name,
            status: o.status,
          }),
        ),
        ...calls.map(
          (c): ContactEnquiry => ({
            kind: 'call',
            id: c.id,
            at: c.started_at,
            widgetName: c.widget_name,
            status: c.status,
          }),
        ),
        ...chats.map(
          (c): ContactEnquiry => ({
            kind: 'chat',
            id: c.id,
            at: c.started_at,
            widgetName: c.name,
            status: c.status,
          }),
        ),
      ];
      return enquiries.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
    },
  };
}

/** A unique violation of `contacts` (the store's generic map does not name its constraints). */
function isContactsUnique(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') && /contacts/.test(String(message))
  );
}
