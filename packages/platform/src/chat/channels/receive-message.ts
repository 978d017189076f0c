/**
 * A customer's message from a messenger, stored as the site chat stores a visitor's (chat
 * storage's visitorSend): in the peer's visitor's open conversation, or a new one routed to the
 * channel's receiver; the enquiry's auto-replies and the non-working e-mail as for the site; the
 * first operator to reply takes it. The update's record and the poller's cursor commit with the
 * message (inbound.ts), so an update is stored once however often it comes.
 */
import type { ChatSettings, Messenger } from '@frontdesk/config';
import type { Clock } from '../../clock';
import type { Store, Widget } from '../../storage/types';
import type { ChatFeed } from '../feed';
import { nonWorkingEmail } from '../non-working-email';
import { isWorking } from '../working-time';
import type { ChannelPeer, CursorGuard } from './channel-types';
import { FenceLost } from './leases';

/** What receiving needs. */
export interface ReceiveDeps {
  store: Store;
  clock: Clock;
  feed: ChatFeed;
}

/** One update of a messenger, and where it came from. */
export interface InboundUpdate {
  messenger: Messenger;
  /** The channel credential (`telegram:<bot id>`). */
  credential: string;
  /** The update's id in that credential (Telegram: update_id). */
  externalId: string;
  widget: Widget & { settings: ChatSettings };
  /** The poller's fencing check; undefined for a webhook. */
  guard: CursorGuard | undefined;
}

/**
 * Stores the customer's message `text` of `update` from `peer` and tells the operators.
 * @returns whether it was new (false: stored before).
 * @throws {FenceLost} when the poller's lease moved on: nothing was stored.
 */
export async function receiveMessage(
  deps: ReceiveDeps,
  update: InboundUpdate,
  peer: ChannelPeer,
  text: string,
): Promise<boolean> {
  const { store, clock } = deps;
  if (await alreadyStored(store, update, clock)) return false;
  const visitor = await store.chatVisitors.get(peer.visitorId);
  if (!visitor) throw new Error(`the visitor of peer ${peer.id} vanished`);
  const { settings } = update.widget;
  const site = settings.channels.site;
  const at = clock();
  const now = at.getTime();
  const working = isWorking(settings, at);
  const sent = await store.chatMessages.visitorSend({
    visitor,
    clientId: `${update.credential.replace(':', '-')}-${update.externalId}`,
    text,
    page: null,
    now,
    receiver: settings.channels[update.messenger]?.receiver ?? null,
    autoReplies: site.autoReplies.filter(
      (reply) => reply.when === (working ? 'working' : 'nonWorking'),
    ),
    email:
      !working && site.nonWorkingEmail
        ? nonWorkingEmail({
            to: site.nonWorkingEmail,
            widgetName: update.widget.name,
            text,
            contact: await store.chatContacts.get(visitor.accountId, visitor.id),
            page: null,
            at,
          })
        : null,
    inbound: store.channels.inbound.hooks({
      messenger: update.messenger,
      credential: update.credential,
      externalId: update.externalId,
      peerId: peer.id,
      guard: update.guard,
      now,
    }),
  });
  if (sent.replayed) return false;
  await deps.feed.message(
    { ...sent, message: { ...sent.message, channel: update.messenger } },
    site,
  );
  return true;
}

/**
 * Whether the update was stored before; if so, the poller's cursor moves past it.
 * @throws {FenceLost} when the poller's lease moved on.
 */
export async function alreadyStored(
  store: Store,
  update: Pick<InboundUpdate, 'credential' | 'externalId' | 'guard'>,
  clock: Clock,
): Promise<boolean> {
  if (!(await store.channels.inbound.has(update.credential, update.externalId))) return false;
  if (update.guard && !(await store.channels.inbound.skip(update.guard, clock().getTime()))) {
    throw new FenceLost(update.credential);
  }
  return true;
}
