import type { User } from '../accounts/account-records';
import { ANSWERING } from '../orders/order-access';
import type { Store } from '../storage/store';
import type { Conversation } from './chat-records';

/**
 * Which conversations `user` may see and answer: admins all of their account's; others those
 * routed to them, to a group they are in (membership as it is now), or to nobody in particular
 * (every operator), and those they took. Groups are read once, so a list costs one query.
 */
export async function conversationAccess(
  store: Store,
  user: User,
): Promise<(conversation: Conversation) => boolean> {
  const groups = new Set(
    (await store.groups.list(user.accountId))
      .filter((group) => group.memberIds.includes(user.id))
      .map((group) => group.id),
  );
  return (conversation) => {
    if (conversation.accountId !== user.accountId) return false;
    if (user.role === 'admin' || conversation.assignee?.id === user.id) return true;
    const { receiver } = conversation;
    if (receiver?.kind === 'employee') return receiver.id === user.id;
    if (receiver?.kind === 'group') return groups.has(receiver.id);
    return ANSWERING.includes(user.role);
  };
}
