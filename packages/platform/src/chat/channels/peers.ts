/**
 * Peers: the customers each messenger knows, one per (widget, messenger, external id). A peer's
 * first update makes a visitor for them (whose token nobody holds: they never open the site chat
 * as that visitor), so their conversations are a visitor's like any other; a hand-off later
 * moves the peer to the site visitor (handoffs.ts).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import { type AllTables, type ChannelPeerRow, withChannels } from './channel-tables';
import type { ChannelPeer, ChannelStore } from './channel-types';

/** The peers of `store.channels`. */
export function peersRepository(base: Kysely<Tables>): ChannelStore['peers'] {
  const db = withChannels(base);
  return {
    async meet(input) {
      const { now } = input;
      assertStorableTime('now', now);
      for (const [field, value] of [
        ['externalId', input.externalId],
        ['username', input.username],
        ['phone', input.phone],
      ] as const) {
        if (value != null) assertStorableText(field, value);
      }
      const known = await byExternalId(db, input);
      const name =
        typeof input.name === 'string' ? input.name : (known?.display_name ?? (await input.name()));
      assertStorableText('name', name);
      if (known) {
        const changed =
          known.display_name !== name ||
          known.username !== input.username ||
          (input.phone !== undefined && known.phone !== input.phone);
        if (!changed) return toPeer(known);
        const fresh = {
          display_name: name,
          username: input.username,
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          updated_at: now,
        };
        await db.updateTable('channel_peers').set(fresh).where('id', '=', known.id).execute();
        return toPeer({ ...known, ...fresh });
      }
      const made = await base
        .transaction()
        .execute(async (trx) => {
          const visitorId = await newVisitor(trx, input.accountId, input.widgetId, now);
          const row: ChannelPeerRow = {
            id: randomUUID(),
            account_id: input.accountId,
            widget_id: input.widgetId,
            messenger: input.messenger,
            external_id: input.externalId,
            visitor_id: visitorId,
            display_name: name,
            username: input.username,
            phone: input.phone ?? null,
            created_at: now,
            updated_at: now,
          };
          const inserted = await withChannels(trx)
            .insertInto('channel_peers')
            .values(row)
            .onConflict((oc) => oc.columns(['widget_id', 'messenger', 'external_id']).doNothing())
            .executeTakeFirst();
          // Another process met them at the same moment: theirs it is (read below).
          if ((inserted.numInsertedOrUpdatedRows ?? 0n) === 0n) throw new MetElsewhere();
          // The inbox shows the contact's name: the messenger's, until the customer gives one.
          await trx
            .insertInto('chat_contacts')
            .values({
              account_id: input.accountId,
              visitor_id: visitorId,
              name,
              phone: input.phone ?? null,
              email: null,
              updated_at: now,
            })
            .execute();
          return row;
        })
        .catch((error: unknown) => {
          if (!(error instanceof MetElsewhere)) throw error;
          return undefined;
        });
      // Ours as written, or theirs as read.
      const met = made ?? (await byExternalId(db, input));
      if (!met) throw new Error(`the peer ${input.messenger}:${input.externalId} vanished`);
      return toPeer(met);
    },

    async get(id) {
      const row = await db
        .selectFrom('channel_peers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toPeer(row);
    },

    async ofVisitor(visitorId, widgetId) {
      const rows = await db
        .selectFrom('channel_peers')
        .selectAll()
        .where('visitor_id', '=', visitorId)
        .where('widget_id', '=', widgetId)
        .orderBy('messenger')
        .execute();
      return rows.map(toPeer);
    },
  };
}

/** Rolls back a new peer's visitor: another process made the peer first. */
class MetElsewhere extends Error {}

/**
 * A new visitor for a customer who has none yet (a peer's first contact, or a peer a hand-off
 * displaced): a token hash of random bytes, which no token will ever match.
 */
export async function newVisitor(
  trx: Kysely<Tables>,
  accountId: string,
  widgetId: string,
  now: number,
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('chat_visitors')
    .values({
      id,
      account_id: accountId,
      widget_id: widgetId,
      token_hash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      time_zone: null,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return id;
}

function byExternalId(
  db: Kysely<AllTables>,
  key: Pick<ChannelPeer, 'widgetId' | 'messenger' | 'externalId'>,
): Promise<ChannelPeerRow | undefined> {
  return db
    .selectFrom('channel_peers')
    .selectAll()
    .where('widget_id', '=', key.widgetId)
    .where('messenger', '=', key.messenger)
    .where('external_id', '=', key.externalId)
    .executeTakeFirst();
}

/** A peer as the store returns it. */
export function toPeer(row: ChannelPeerRow): ChannelPeer {
  return {
    id: row.id,
    accountId: row.account_id,
    widgetId: row.widget_id,
    messenger: row.messenger,
    externalId: row.external_id,
    visitorId: row.visitor_id,
    name: row.display_name,
    username: row.username,
    phone: row.phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
