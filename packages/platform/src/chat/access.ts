import type { User } from '../accounts/account-records';
import { answers, groupsOf } from '../accounts/who-answers';
import type { Store } from '../storage/store';
import type { Conversation } from './chat-records';

/**
 * Which conversations `user` may see and answer: admins all of their account's; others those
 * routed to them (who-answers.ts), and those they took. Groups are read once, so a list costs
 * one query.
 */
export async function conversationAccess(
  store: Store,
  user: User,
): Promise<(conversation: Conversation) => boolean> {
  const groups = await groupsOf(store, user);
  return (conversation) => {
    if (conversation.accountId !== user.accountId) return false;
    if (user.role === 'admin' || conversation.assignee?.id === user.id) return true;
    return answers(user, conversation.receiver, groups);
  };
}
