/**
 * Inbound updates, stored once per (channel credential, external id): the record of an update is
 * written in the transaction that stores its message, together with the poller's cursor under
 * its fence (leases.ts). A redelivered update finds its record; a stale poller's transaction
 * rolls back whole.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import { toStoredMessage } from '../conversations-store';
import { addAttachments } from './attachments/attachments-store';
import { withChannels } from './channel-tables';
import type { ChannelStore } from './channel-types';
import { joinHandoff } from './handoffs';
import { advanceCursor, FenceLost } from './leases';
import { refuseUpdate } from './refusals';

/** The inbound updates of `store.channels`. */
export function inboundRepository(
  base: Kysely<Tables>,
  engine: Database['engine'],
): ChannelStore['inbound'] {
  const db = withChannels(base);
  return {
    async has(credential, externalId) {
      const row = await db
        .selectFrom('channel_inbound')
        .select('external_id')
        .where('credential', '=', credential)
        .where('external_id', '=', externalId)
        .executeTakeFirst();
      return row !== undefined;
    },

    hooks({ messenger, credential, externalId, peerId, guard, attachments, now }) {
      assertStorableTime('now', now);
      assertStorableText('externalId', externalId);
      return {
        channel: messenger,
        before: async (trx) => {
          if (guard) await advanceCursor(trx, guard, now);
        },
        after: async (trx, message) => {
          await withChannels(trx)
            .insertInto('channel_inbound')
            .values({
              credential,
              external_id: externalId,
              peer_id: peerId,
              message_id: message.id,
              received_at: now,
            })
            .execute();
          if (attachments) {
            const { files, ...widget } = attachments;
            await addAttachments(trx, { ...widget, attachments: files, message, messenger, now });
          }
        },
      };
    },

    async skip(guard, now) {
      assertStorableTime('now', now);
      try {
        await advanceCursor(db, guard, now);
        return true;
      } catch (error) {
        if (error instanceof FenceLost) return false;
        throw error;
      }
    },

    async unannounced(credential, limit) {
      const rows = await db
        .selectFrom('channel_inbound as i')
        .innerJoin('chat_messages as m', 'm.id', 'i.message_id')
        .selectAll('m')
        .where('i.credential', '=', credential)
        .where('m.published_at', 'is', null)
        .orderBy('i.received_at')
        .orderBy('m.seq')
        .limit(limit)
        .execute();
      return rows.map(toStoredMessage);
    },

    refuse: (input) => refuseUpdate(base, engine, input),

    handoff: (input) => joinHandoff(base, engine, input),
  };
}
