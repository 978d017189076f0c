import type { ChannelPeer } from './channel-types';
import { MESSENGER_NAMES } from './messenger-names';
import { alreadyStored, type InboundUpdate, type ReceiveDeps } from './receive-message';

/** How long a hand-off token works after the site chat made it. */
export const HANDOFF_TTL_MS = 60 * 60 * 1000;

/**
 * Whether a start's payload (Telegram's, Viber's context, VK's and Facebook's ref) has the shape
 * of a hand-off token (channels/handoffs.ts makes them): anything else joins nothing.
 */
export function isHandoffToken(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}

/**
 * A customer arriving through the site chat's "continue in …" link with its `token`: the peer
 * joins the token's visitor (once, within {@link HANDOFF_TTL_MS}; see channels/handoffs.ts), and
 * the visitor's open conversation — the one the operator sees — notes it and goes on in the
 * messenger. An unknown, used or expired token joins nothing.
 * @returns whether the peer joined.
 * @throws {FenceLost} when the poller's lease moved on: nothing changed.
 */
export async function receiveHandoff(
  deps: ReceiveDeps,
  update: InboundUpdate,
  peer: ChannelPeer,
  token: string,
): Promise<boolean> {
  const { store, clock } = deps;
  if (await alreadyStored(store, update, clock)) return false;
  const now = clock().getTime();
  const joined = await store.channels.inbound.handoff({
    peer,
    token,
    credential: update.credential,
    externalId: update.externalId,
    guard: update.guard,
    notBefore: now - HANDOFF_TTL_MS,
    note: handoffNote(peer),
    now,
  });
  if (joined.outcome !== 'joined') return false;
  if (joined.sent) await deps.feed.message(joined.sent, update.widget.settings.channels.site);
  return true;
}

/** The note the conversation gets: where it goes on, and as whom. */
function handoffNote(peer: ChannelPeer): string {
  const who = peer.username ? `${peer.name} (@${peer.username})` : peer.name;
  return `The customer continued in ${MESSENGER_NAMES[peer.messenger]} as ${who}.`;
}
