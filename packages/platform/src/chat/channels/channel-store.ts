import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import type { Tables } from '../../storage/tables';
import { widgetsOf } from '../../widgets';
import { attachmentsRepository } from './attachments/attachments-store';
import type { ChannelStore } from './channel-types';
import { deliveriesRepository } from './deliveries';
import { inboundRepository } from './inbound';
import { leasesRepository } from './leases';
import { peersRepository } from './peers';

/** `store.channels` over one open database (composed by storage/store.ts). */
export function channelStore(db: Kysely<Tables>, engine: Database['engine']): ChannelStore {
  return {
    async widgets(messenger) {
      const rows = await db
        .selectFrom('widgets')
        .selectAll()
        .where('type', '=', 'chat')
        .where('active', '=', 1)
        .where('deleted_at', 'is', null)
        // Settings are JSON text: a channel not connected is `"telegram":null`.
        .where('settings', 'like', `%"${messenger}":{%`)
        .orderBy('seq')
        .execute();
      return (await widgetsOf(db, rows)).filter(
        (widget) => widget.settings.type === 'chat' && widget.settings.channels[messenger],
      );
    },
    async widgetsStamp() {
      // Widgets are never deleted as rows, and a version only grows: the count and the sum of
      // versions together change with every write.
      const row = await db
        .selectFrom('widgets')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('count'),
          eb.fn.sum<number | string | null>('version').as('versions'),
        ])
        .executeTakeFirstOrThrow();
      return `${row.count}:${row.versions ?? 0}`;
    },
    peers: peersRepository(db),
    inbound: inboundRepository(db, engine),
    attachments: attachmentsRepository(db, engine),
    leases: leasesRepository(db, engine),
    deliveries: deliveriesRepository(db, engine),
  };
}
