/**
 * The pollers' leases: one holder per channel credential across every platform process. Taking
 * an expired lease raises its fencing number; the holder's every write that matters (the cursor,
 * in the transaction that stores an update) runs `where fence = <its own>`, so a holder that lost
 * the lease without knowing (a long pause, a slow network) changes nothing once another took it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import { lockedRow } from '../../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import { type ChannelLeaseRow, withChannels } from './channel-tables';
import type { ChannelStore, CursorGuard } from './channel-types';

/** A holder's write found its fence stale: another process holds the lease now. */
export class FenceLost extends Error {
  constructor(credential: string) {
    super(`The lease of ${credential} was taken over by another process.`);
    this.name = 'FenceLost';
  }
}

/**
 * Moves the cursor of `guard`'s lease past an update that stores nothing (or was stored before).
 * @throws {FenceLost} when the lease moved on: nothing changed.
 */
export async function skipUpdate(
  inbound: Pick<ChannelStore['inbound'], 'skip'>,
  guard: CursorGuard,
  now: number,
): Promise<void> {
  if (!(await inbound.skip(guard, now))) throw new FenceLost(guard.credential);
}

/** How fine the Studio's "last update" of a webhook is: a second, on the platform's clock. */
const RECEIVED_GRAIN_MS = 1_000;

/** The leases of `store.channels`. */
export function leasesRepository(
  base: Kysely<Tables>,
  engine: Database['engine'],
): ChannelStore['leases'] {
  const db = withChannels(base);
  /** When this process last noted a webhook update of each credential (`received`). */
  const noted = new Map<string, number>();
  return {
    async acquire({ credential, holder, leaseMs, now }) {
      assertStorableTime('now', now);
      assertStorableText('holder', holder);
      const expiresAt = now + leaseMs;
      // Waiting processes look every second: a read, not a write transaction, while it is taken.
      const current = await db
        .selectFrom('channel_leases')
        .select(['holder', 'expires_at'])
        .where('credential', '=', credential)
        .executeTakeFirst();
      if (current && current.holder !== holder && current.expires_at > now) return undefined;
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('channel_leases')
          .selectAll()
          .where('credential', '=', credential)
          .$call(lockedRow(engine))
          .executeTakeFirst();
        if (!row) {
          const inserted = await trx
            .insertInto('channel_leases')
            .values({
              credential,
              holder,
              fence: 1,
              expires_at: expiresAt,
              cursor: 0,
              connected_at: null,
              last_update_at: null,
              last_error: null,
              last_error_at: null,
              webhook_url: null,
              webhook_secret: null,
            })
            .onConflict((oc) => oc.column('credential').doNothing())
            .executeTakeFirst();
          return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n
            ? { credential, fence: 1, cursor: 0, webhookUrl: null }
            : undefined;
        }
        const mine = row.holder === holder && row.expires_at > now;
        if (!mine && row.expires_at > now) return undefined;
        const fence = mine ? row.fence : row.fence + 1;
        const taken = await trx
          .updateTable('channel_leases')
          .set({ holder, fence, expires_at: expiresAt })
          .where('credential', '=', credential)
          .where('fence', '=', row.fence)
          .executeTakeFirst();
        return taken.numUpdatedRows > 0n
          ? { credential, fence, cursor: row.cursor, webhookUrl: row.webhook_url }
          : undefined;
      });
    },

    async renew({ credential, fence, leaseMs, now }) {
      assertStorableTime('now', now);
      const result = await db
        .updateTable('channel_leases')
        .set({ expires_at: now + leaseMs })
        .where('credential', '=', credential)
        .where('fence', '=', fence)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async release(credential, fence) {
      await db
        .updateTable('channel_leases')
        .set({ expires_at: 0 })
        .where('credential', '=', credential)
        .where('fence', '=', fence)
        .execute();
    },

    async note({ credential, fence, error, now }) {
      assertStorableTime('now', now);
      if (error !== null) assertStorableText('error', error);
      await db
        .updateTable('channel_leases')
        .set(
          error === null
            ? { connected_at: now, last_error: null }
            : { last_error: error, last_error_at: now },
        )
        .where('credential', '=', credential)
        .where('fence', '=', fence)
        .execute();
    },

    async setWebhook({ credential, fence, webhook }) {
      if (webhook) {
        assertStorableText('url', webhook.url);
        assertStorableText('secret', webhook.secret);
      }
      const result = await db
        .updateTable('channel_leases')
        .set({ webhook_url: webhook?.url ?? null, webhook_secret: webhook?.secret ?? null })
        .where('credential', '=', credential)
        .where('fence', '=', fence)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async webhookSecret(credential) {
      const row = await db
        .selectFrom('channel_leases')
        .select('webhook_secret')
        .where('credential', '=', credential)
        .executeTakeFirst();
      return row?.webhook_secret ?? undefined;
    },

    async received(credential, now) {
      assertStorableTime('now', now);
      // A write per webhook update, all on the lease's one row, queued behind each other under
      // load for a status shown to the second: once a second per process is enough.
      const last = noted.get(credential);
      if (last !== undefined && now >= last && now - last < RECEIVED_GRAIN_MS) return;
      noted.set(credential, now);
      await db
        .updateTable('channel_leases')
        .set({ last_update_at: now })
        .where('credential', '=', credential)
        .execute()
        .catch((error: unknown) => {
          if (noted.get(credential) === now) noted.delete(credential);
          throw error;
        });
    },

    async status(credential) {
      const row = await db
        .selectFrom('channel_leases')
        .selectAll()
        .where('credential', '=', credential)
        .executeTakeFirst();
      return row && toStatus(row);
    },
  };
}

/**
 * Moves the cursor of `guard`'s lease, in the transaction that stores the update.
 * @throws {FenceLost} when the fence is stale: the caller's transaction rolls back.
 */
export async function advanceCursor(
  trx: Kysely<Tables>,
  guard: CursorGuard,
  now: number,
): Promise<void> {
  const result = await withChannels(trx)
    .updateTable('channel_leases')
    .set({ cursor: guard.cursor, last_update_at: now })
    .where('credential', '=', guard.credential)
    .where('fence', '=', guard.fence)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new FenceLost(guard.credential);
}

function toStatus(row: ChannelLeaseRow) {
  return {
    credential: row.credential,
    holder: row.holder,
    expiresAt: row.expires_at,
    connectedAt: row.connected_at,
    lastUpdateAt: row.last_update_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
  };
}
