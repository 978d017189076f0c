import { isHandoffToken, receiveHandoff } from '../receive-handoff';
import { type InboundUpdate, type ReceiveDeps, receiveMessage } from '../receive-message';
import { receiveRating } from '../receive-rating';
import type { FacebookInbound } from './facebook-event';

/**
 * Handles one read event of a widget's page: a message is stored once (by its mid), a quick reply
 * of the rating rates the conversation, a `ref` joins the site visitor (the hand-off). The
 * Messenger Platform gives no name with an event: a person met for the first time is named by
 * `profileName` (the User Profile API), else by the end of their PSID.
 */
export async function receiveFacebookEvent(
  deps: ReceiveDeps,
  source: Omit<InboundUpdate, 'externalId' | 'guard' | 'messenger'>,
  read: FacebookInbound,
  profileName: (psid: string) => Promise<string | undefined>,
): Promise<void> {
  if (read.kind === 'ignored') return;
  const inbound: InboundUpdate = {
    ...source,
    messenger: 'facebook',
    externalId: read.externalId,
    guard: undefined,
  };
  const peer = await deps.store.channels.peers.meet({
    accountId: source.widget.accountId,
    widgetId: source.widget.id,
    messenger: 'facebook',
    externalId: read.psid,
    name: async () => (await profileName(read.psid)) ?? `Facebook customer ${read.psid.slice(-4)}`,
    username: null,
    now: deps.clock().getTime(),
  });
  if (read.kind === 'message') await receiveMessage(deps, inbound, peer, read.content);
  else if (read.kind === 'rating') await receiveRating(deps, inbound, peer, read);
  else if (isHandoffToken(read.ref)) {
    await receiveHandoff(deps, inbound, peer, read.ref);
  }
}
