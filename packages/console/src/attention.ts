/**
 * What asks for the operator: unread visitor messages in the conversations they hold or can
 * take, a conversation that came to them, and the total the tab's title carries ("(3) Frontdesk console") so a background tab
 * still tells.
 */
import type { ConversationSummary } from '@frontdesk/config';

/** Whether `userId` holds the conversation or can take it (open, nobody took it yet). */
export function holdsOrCanTake(conversation: ConversationSummary, userId: string): boolean {
  if (conversation.status !== 'open') return false;
  return !conversation.assignee || conversation.assignee.id === userId;
}

/**
 * Whether a conversation that changed hands (`before` → `conversation`) came to `userId` from
 * someone else: handed over, moved on for want of a first answer, or given out from the queue —
 * not taken by their own reply.
 */
export function cameToMe(
  conversation: ConversationSummary,
  before: ConversationSummary,
  userId: string,
): boolean {
  if (conversation.assignee?.id !== userId || before.assignee?.id === userId) return false;
  const handed = conversation.transfer !== null && conversation.transfer.at !== before.transfer?.at;
  const given = before.queuedAt !== null && conversation.lastMessage?.author !== 'operator';
  return handed || given;
}

/**
 * The visitor's messages `userId` has not read: those after the read mark (the platform's, or
 * `readSent`, what this console reported since), never more than the unanswered ones.
 */
export function unreadCount(
  conversation: ConversationSummary,
  userId: string,
  readSent = 0,
): number {
  if (!holdsOrCanTake(conversation, userId)) return 0;
  const read = Math.max(conversation.readByOperatorSeq, readSent);
  return Math.max(0, Math.min(conversation.unanswered, conversation.lastSeq - read));
}

/** The tab's title: `base`, with the count in front while anything waits. */
export function titleWith(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
