import type { ChatContact } from '@frontdesk/config';
import type { Kysely } from 'kysely';
import type { ChatStore } from '../chat';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { ChatContactRow, Tables } from '../storage/tables';
import { addressBookRepository } from './address-book-store';

/**
 * The address book of {@link createStore}: one contact per account and visitor, saved in one
 * statement (an upsert), so two tabs saving at once cannot make two. What is given also goes
 * to the address book (address-book-store.ts).
 */
export function chatContactsRepository(db: Kysely<Tables>): ChatStore['chatContacts'] {
  const get = async (accountId: string, visitorId: string) => {
    const row = await db
      .selectFrom('chat_contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('visitor_id', '=', visitorId)
      .executeTakeFirst();
    return row && toContact(row);
  };
  return {
    async save({ accountId, visitorId, now, ...fields }) {
      assertStorableTime('now', now);
      const given: Partial<Pick<ChatContactRow, 'name' | 'phone' | 'email'>> = {};
      for (const key of ['name', 'phone', 'email'] as const) {
        const value = fields[key];
        if (value === undefined) continue;
        assertStorableText(key, value);
        // An empty field clears what was there: the visitor took it back.
        given[key] = value.trim() === '' ? null : value;
      }
      await db
        .insertInto('chat_contacts')
        .values({
          account_id: accountId,
          visitor_id: visitorId,
          name: null,
          phone: null,
          email: null,
          ...given,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['account_id', 'visitor_id']).doUpdateSet({ ...given, updated_at: now }),
        )
        .execute();
      // Every source of a contact passes here (identify, the chat's forms, orders with a
      // visitor's token): the address book learns what was given.
      const facts = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null));
      if (Object.keys(facts).length > 0) {
        await addressBookRepository(db).remember({ accountId, visitorId, ...facts, now });
      }
      const saved = await get(accountId, visitorId);
      if (!saved) throw new Error(`contact of visitor ${visitorId} vanished`);
      return saved;
    },
    get,
  };
}

function toContact(row: ChatContactRow): ChatContact {
  return { visitorId: row.visitor_id, name: row.name, phone: row.phone, email: row.email };
}
