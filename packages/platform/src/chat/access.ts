import type { OpsUser } from '../accounts';
import { answers, groupsOf } from '../accounts';
import type { Store } from '../storage/store';
import type { Conversation, ConversationViewer } from './chat-records';

/**
 * Which conversations `user` may see and answer: admins all of their account's; others those
 * routed to them (who-answers.ts), and those they took. Groups are read once, so a list costs
 * one query.
 */
export async function conversationAccess(
  store: Store,
  user: OpsUser,
): Promise<(conversation: Conversation) => boolean> {
  const groups = await groupsOf(store, user);
  return (conversation) => {
    if (conversation.accountId !== user.accountId) return false;
    if (user.role === 'admin' || conversation.assignee?.id === user.id) return true;
    return answers(user, conversation.receiver, groups);
  };
}

/**
 * {@link conversationAccess}'s rule for the store's lists (conversations-store.ts `seenBy`), which
 * apply it before their limits: others' conversations never crowd out what `user` may see.
 */
export async function conversationViewer(store: Store, user: OpsUser): Promise<ConversationViewer> {
  const groups = await groupsOf(store, user);
  return {
    userId: user.id,
    all: user.role === 'admin',
    groupIds: [...groups],
    unrouted: answers(user, null, groups),
  };
}
