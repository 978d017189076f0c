import type { ChatDelivery } from '@frontdesk/config';
import type { Namespace } from 'socket.io';
import type { Store } from '../../storage/store';
import { conversationRooms } from '../rooms';
import type { Delivery, DeliveryOutcome } from './channel-types';

/** Tells the operators of a conversation what became of a reply to a messenger. */
export type DeliveryFeed = (delivery: Delivery, outcome: DeliveryOutcome) => Promise<void>;

/**
 * `chat:delivery` to the `/ops` rooms that see the conversation: a reply delivered, or failed
 * with the reason (a retry is not news: the reply stays pending in their console).
 */
export function deliveryFeed(ops: Namespace, store: Store): DeliveryFeed {
  return async (delivery, outcome) => {
    if (outcome.status === 'retry') return;
    const conversation = await store.conversations.get(delivery.conversationId);
    if (!conversation) return;
    const event: ChatDelivery = {
      conversationId: delivery.conversationId,
      messageId: delivery.messageId,
      seq: delivery.seq,
      channel: delivery.messenger,
      delivery:
        outcome.status === 'sent' ? { status: 'sent' } : { status: 'failed', error: outcome.error },
    };
    ops.to(conversationRooms(conversation)).emit('chat:delivery', event);
  };
}
