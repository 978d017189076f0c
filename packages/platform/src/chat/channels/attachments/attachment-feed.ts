import type { ChatAttachmentUpdate } from '@frontdesk/config';
import type { Namespace } from 'socket.io';
import type { Store } from '../../../storage/store';
import { conversationRooms } from '../../rooms';
import type { AttachmentFeed } from './fetch-attachments';

/**
 * `chat:attachment` to the `/ops` rooms that see the conversation: a customer's photo or file
 * stored (the console shows it) or failed with the reason. A hint: `chat:sync` and `chat:open`
 * carry the same from the database.
 */
export function attachmentFeed(ops: Namespace, store: Store): AttachmentFeed {
  return async (attachment, info) => {
    const conversation = await store.conversations.get(attachment.conversationId);
    if (!conversation) return;
    const { messageId, conversationId, accountId, ...shown } = info;
    const event: ChatAttachmentUpdate = {
      conversationId,
      messageId,
      seq: attachment.seq,
      attachment: shown,
    };
    ops.to(conversationRooms(conversation)).emit('chat:attachment', event);
  };
}
