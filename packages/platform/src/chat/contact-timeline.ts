/**
 * The contact's timeline beside a conversation: the address book's enquiries of the visitor's
 * contact (chats and orders from every browser), with the chats this operator may not see left
 * out — the inbox's own rule, as for the past enquiries.
 */
import type { ConversationDetail } from '@frontdesk/config';
import type { Store } from '../storage/store';
import type { Conversation } from './chat-records';

/** The timeline of `conversation`'s visitor's contact for an operator who `maySee`; null when none. */
export async function contactTimeline(
  store: Store,
  conversation: Conversation,
  maySee: (conversation: Conversation) => boolean,
): Promise<ConversationDetail['contactTimeline']> {
  const contactId = await store.addressBook.contactOfVisitor(
    conversation.accountId,
    conversation.visitorId,
  );
  if (!contactId) return null;
  const enquiries = await store.addressBook.timeline(conversation.accountId, contactId);
  const shown = await Promise.all(
    enquiries.map(async (enquiry) => {
      if (enquiry.kind !== 'chat') return true;
      const chat = await store.conversations.get(enquiry.id);
      return chat !== undefined && maySee(chat);
    }),
  );
  return { contactId, enquiries: enquiries.filter((_, i) => shown[i]) };
}
