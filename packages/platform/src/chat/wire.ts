/** The chat's records as the wire carries them (types in @frontdesk/config's chat-protocol.ts). */
import type {
  ChatMessage,
  ChatSettings,
  ConversationSummary,
  VisitorConversation,
} from '@frontdesk/config';
import type { Conversation, StoredChatMessage } from './chat-records';

/** What the site chat's settings let the visitor see of operators. */
export type OperatorShown = Pick<
  ChatSettings['channels']['site'],
  'showOperatorName' | 'showOperatorPhoto'
>;

/**
 * A message for the console (`shown` absent: the operator's name and photo) or for the visitor
 * (only what `shown` allows; nothing at all when it allows nothing).
 */
export function wireMessage(message: StoredChatMessage, shown?: OperatorShown): ChatMessage {
  const { operator } = message;
  const name = operator && (!shown || shown.showOperatorName) ? operator.name : undefined;
  const photoUrl =
    operator?.photoUrl && (!shown || shown.showOperatorPhoto) ? operator.photoUrl : undefined;
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    clientId: message.clientId,
    author: message.author,
    ...(name !== undefined || photoUrl !== undefined
      ? { operator: { ...(name !== undefined ? { name } : {}), ...(photoUrl ? { photoUrl } : {}) } }
      : {}),
    text: message.text,
    at: new Date(message.at).toISOString(),
    ...(message.channel ? { channel: message.channel } : {}),
    // The delivery is the console's business; the visitor never sees it.
    ...(message.delivery && !shown ? { delivery: message.delivery } : {}),
    // Staff only: a visitor's tab (a hand-off's) gets the text and its placeholders.
    ...(message.attachments?.length && !shown ? { attachments: message.attachments } : {}),
  };
}

/** What the visitor knows of their conversation. */
export function visitorConversation(conversation: Conversation): VisitorConversation {
  return {
    id: conversation.id,
    status: conversation.status,
    lastSeq: conversation.lastSeq,
    readByOperatorSeq: conversation.readByOperatorSeq,
    ratingOffered: conversation.ratingOffered,
    rating: conversation.rating,
  };
}

/** A conversation in the operator's inbox; `online`: whether any tab of the visitor is connected. */
export function conversationSummary(
  conversation: Conversation,
  online: boolean,
): ConversationSummary {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return {
    id: conversation.id,
    widget: conversation.widget,
    status: conversation.status,
    channel: conversation.channel,
    receiver: conversation.receiver,
    assignee: conversation.assignee,
    queuedAt: iso(conversation.queuedAt),
    transfer: conversation.transfer && {
      reason: conversation.transfer.reason,
      from: conversation.transfer.fromName,
      note: conversation.transfer.note,
      at: new Date(conversation.transfer.at).toISOString(),
    },
    visitor: {
      id: conversation.visitorId,
      name: conversation.contactName,
      page: conversation.page,
      timeZone: conversation.timeZone,
      online,
    },
    lastMessage: conversation.lastMessage && wireMessage(conversation.lastMessage),
    lastSeq: conversation.lastSeq,
    readByVisitorSeq: conversation.readByVisitorSeq,
    readByOperatorSeq: conversation.readByOperatorSeq,
    unanswered: conversation.unanswered,
    enquiryStartedAt: iso(conversation.enquiryStartedAt),
    startedAt: new Date(conversation.startedAt).toISOString(),
    closedAt: iso(conversation.closedAt),
    rating: conversation.rating,
  };
}
