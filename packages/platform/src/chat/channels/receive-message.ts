/**
 * A customer's message from a messenger, stored as the site chat stores a visitor's (chat
 * storage's visitorSend, and visitor-events.ts's `send`): in the peer's visitor's open
 * conversation, or a new one routed to the channel's receiver; the enquiry's auto-replies (none
 * once an operator has answered) and the non-working e-mail (batched past its hourly count) as
 * for the site; the first operator to reply takes it; the same per-visitor rate limit (past it,
 * the customer is told to send it again: refusals.ts). The
 * update's record and the poller's cursor commit with the message (inbound.ts), so an update is
 * stored once however often it comes; one stored by a process that died before telling the
 * operators is told when it comes again.
 */
import { type ChatSettings, localeFor, type Messenger, textIn } from '@frontdesk/config';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { Clock } from '../../clock';
import type { Store } from '../../storage/store';
import { accountLanguage } from '../../texts';
import type { Widget } from '../../widgets';
import type { ChatFeed } from '../feed';
import { nonWorkingEmail } from '../non-working-email';
import { isWorking } from '../working-time';
import type { InboundContent } from './attachments/attachment-types';
import type { ChannelPeer, CursorGuard } from './channel-types';
import { skipUpdate } from './leases';
import { limitNotice } from './limit-notice';

/** What receiving needs. */
export interface ReceiveDeps {
  store: Store;
  clock: Clock;
  feed: ChatFeed;
  /** The site chat's messages per visitor per minute (CHAT_LIMIT_PER_MINUTE), for customers too. */
  limiter: RateLimiterAbstract;
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
 * Stores the customer's message `content` of `update` from `peer` — its text at once, its photos
 * and files pending, fetched after it (attachments/) — and tells the operators. Past the
 * rate limit the update is refused as the site chat refuses a message: not stored, the cursor
 * moves on (a messenger cannot be asked to send it again later); the customer is told, once per
 * limit window, to send it again in a moment.
 * @returns whether it was new (false: stored before, or refused).
 * @throws {FenceLost} when the poller's lease moved on: nothing was stored.
 */
export async function receiveMessage(
  deps: ReceiveDeps,
  update: InboundUpdate,
  peer: ChannelPeer,
  content: InboundContent,
): Promise<boolean> {
  const { store, clock } = deps;
  const { text } = content;
  const { settings } = update.widget;
  const site = settings.channels.site;
  const clientId = `${update.credential.replace(':', '-')}-${update.externalId}`;
  if (await alreadyStored(store, update, clock)) {
    const earlier = await store.chatMessages.byVisitorClientId(peer.visitorId, clientId);
    const conversation =
      earlier && !earlier.published && (await store.conversations.get(earlier.conversationId));
    // Stored by a process that died before telling the operators: they hear of it now.
    if (earlier && conversation) {
      await deps.feed.message({ message: earlier, conversation, replayed: true }, site);
    }
    return false;
  }
  if (!(await withinLimit(deps.limiter, peer.visitorId))) {
    console.warn(`chat: ${update.credential} update ${update.externalId} refused: rate limit`);
    // The customer is told once per window to send it again (refusals.ts).
    const told = await store.channels.inbound.refuse({
      peer,
      credential: update.credential,
      externalId: update.externalId,
      guard: update.guard,
      notice: limitNotice(settings),
      windowMs: deps.limiter.msDuration,
      now: clock().getTime(),
    });
    if (told) await deps.feed.message(told, site);
    return false;
  }
  const visitor = await store.chatVisitors.get(peer.visitorId);
  if (!visitor) throw new Error(`the visitor of peer ${peer.id} vanished`);
  const at = clock();
  const now = at.getTime();
  const working = isWorking(settings, at);
  const sent = await store.chatMessages.visitorSend({
    visitor,
    widgetId: update.widget.id,
    clientId,
    text,
    page: null,
    now,
    receiver: settings.channels[update.messenger]?.receiver ?? null,
    // In the widget's main language: a messenger has no browser to ask.
    autoReplies: site.autoReplies
      .filter((reply) => reply.when === (working ? 'working' : 'nonWorking'))
      .map((reply) => ({ ...reply, text: textIn(reply.text, localeFor(settings, undefined)) })),
    email:
      !working && site.nonWorkingEmail
        ? nonWorkingEmail({
            to: site.nonWorkingEmail,
            widgetName: update.widget.name,
            text,
            contact: await store.chatContacts.get(visitor.accountId, visitor.id),
            page: null,
            at,
            language: await accountLanguage(store, visitor.accountId),
          })
        : null,
    inbound: store.channels.inbound.hooks({
      messenger: update.messenger,
      credential: update.credential,
      externalId: update.externalId,
      peerId: peer.id,
      guard: update.guard,
      attachments: {
        accountId: update.widget.accountId,
        widgetId: update.widget.id,
        files: content.attachments,
      },
      now,
    }),
  });
  // A replay told the operators before, unless its process died first.
  if (!sent.replayed || !sent.message.published) {
    // A message without files has none stored: no read for them.
    const attachments =
      content.attachments.length > 0 || sent.replayed
        ? (await store.channels.attachments.ofMessages([sent.message.id])).get(sent.message.id)
        : undefined;
    const message = {
      ...sent.message,
      channel: update.messenger,
      ...(attachments && { attachments }),
    };
    await deps.feed.message({ ...sent, message }, site);
  }
  return !sent.replayed;
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
  if (update.guard) await skipUpdate(store.channels.inbound, update.guard, clock().getTime());
  return true;
}

/** Takes one of the visitor's points; false when none is left. */
async function withinLimit(limiter: RateLimiterAbstract, visitorId: string): Promise<boolean> {
  try {
    await limiter.consume(visitorId);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}
