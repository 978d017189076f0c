import type { ChannelPeer, Delivery } from './channel-types';

/** What one attempt at a reply came to, as the messenger answered. */
export type AttemptResult =
  | { status: 'sent'; externalId: string }
  /** Try again: after the messenger's own wait (`retryAfterMs`, a rate limit), or with back-off. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** Never try again (the customer blocked the bot, the message was refused). */
  | { status: 'failed'; error: string };

/** One messenger's side of the channels: sending replies and "typing". */
export interface ChannelAdapter {
  /** One attempt at `delivery`; the messenger's refusals are results, never throws. */
  send(delivery: Delivery): Promise<AttemptResult>;
  /** Shows the peer that an operator is typing; best effort, errors are the caller's to log. */
  typing(peer: ChannelPeer): Promise<void>;
}
