import { isHandoffToken, receiveHandoff } from '../receive-handoff';
import type { InboundUpdate, ReceiveDeps } from '../receive-message';
import { receiveMessage } from '../receive-message';
import { receiveRating } from '../receive-rating';
import type { ViberInbound } from './viber-event';

/**
 * Handles one callback of a widget's Viber bot (read by viber-event.ts), `messageToken` its
 * id: a message is stored once, a rating button rates the conversation, the opening of the chat
 * with a hand-off's context joins the visitor, a subscription meets the customer; the rest
 * changes nothing.
 */
export async function receiveViberEvent(
  deps: ReceiveDeps,
  source: Omit<InboundUpdate, 'externalId' | 'guard' | 'messenger'>,
  read: ViberInbound,
  messageToken: string,
): Promise<void> {
  if (read.kind === 'ignored') return;
  const inbound: InboundUpdate = {
    ...source,
    messenger: 'viber',
    externalId: messageToken,
    guard: undefined,
  };
  const peer = await deps.store.channels.peers.meet({
    accountId: source.widget.accountId,
    widgetId: source.widget.id,
    messenger: 'viber',
    externalId: read.customer.id,
    name: read.customer.name,
    username: null,
    now: deps.clock().getTime(),
  });
  if (read.kind === 'message') await receiveMessage(deps, inbound, peer, read.content);
  else if (read.kind === 'rating') await receiveRating(deps, inbound, peer, read);
  else if (read.kind === 'start' && isHandoffToken(read.context)) {
    await receiveHandoff(deps, inbound, peer, read.context);
  }
}
