/**
 * What a messenger's replies test does as the operator of a {@link ViberSuite} (any messenger's
 * suite): reply in a conversation, read a reply's delivery as the console shows it, run the
 * replies' outbox.
 */
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import type { ViberSuite } from './viber';

type Sent = ChatAck<{ message: ChatMessage }>;
type Opened = ChatAck<{ messages: ChatMessage[] }>;

/** The operator's side of `suite`; client ids start with `prefix`. */
export function operatorReplies(suite: ViberSuite, prefix: string) {
  let ids = 0;
  const cid = () => `${prefix}-${String(++ids).padStart(8, '0')}`;
  return {
    /** A fresh client id. */
    cid,
    /** The operator's reply `text` in `conversationId`, as acknowledged. */
    async reply(conversationId: string, text: string): Promise<ChatMessage> {
      const sent = await suite.operator.ask<Sent>('chat:send', {
        conversationId,
        clientId: cid(),
        text,
      });
      if (!sent.ok) throw new Error(sent.error.message);
      return sent.message;
    },
    /** The delivery of message `messageId` as the console reads it on opening the conversation. */
    async delivery(conversationId: string, messageId: string) {
      const opened = await suite.operator.ask<Opened>('chat:open', { conversationId });
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.messages.find((m) => m.id === messageId)?.delivery;
    },
    /** One pass of the replies' outbox; how many attempts it made. */
    deliver: () => suite.t.platform.workers.deliverReplies(),
  };
}
