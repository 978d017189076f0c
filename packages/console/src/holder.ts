/**
 * Who holds a conversation, and how it last changed hands, in words: every operator sees it on
 * each conversation (issue 23), whoever holds it.
 */
import type { ConversationSummary } from '@frontdesk/config';

/** "You hold it", "Held by Anna", "Waiting in the queue" or "Nobody holds it yet". */
export function holderText(conversation: ConversationSummary, userId: string): string {
  const { assignee } = conversation;
  if (assignee) return assignee.id === userId ? 'You hold it' : `Held by ${assignee.name}`;
  if (conversation.status !== 'open') return 'Nobody held it';
  return conversation.queuedAt !== null ? 'Waiting in the queue' : 'Nobody holds it yet';
}

/** How it last changed hands, or null: a hand-over by an operator, or a first answer overdue. */
export function transferText(conversation: ConversationSummary): string | null {
  const { transfer } = conversation;
  if (!transfer) return null;
  if (transfer.reason === 'timeout') {
    return `Moved on from ${transfer.from ?? 'its holder'}: no first answer in time`;
  }
  return `Handed over by ${transfer.from ?? 'a colleague'}${transfer.note ? `: ${transfer.note}` : ''}`;
}
