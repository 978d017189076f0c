/**
 * Who holds a conversation, and how it last changed hands, in words: every operator sees it on
 * each conversation (issue 23), whoever holds it.
 */
import type { ConversationSummary } from '@frontdesk/config';
import type { ConsoleTexts } from './i18n/console-texts';

/** "You hold it", "Held by Anna", "Waiting in the queue" or "Nobody holds it yet", in `t`'s language. */
export function holderText(
  conversation: ConversationSummary,
  userId: string,
  t: ConsoleTexts['holder'],
): string {
  const { assignee } = conversation;
  if (assignee) return assignee.id === userId ? t.you : t.heldBy(assignee.name);
  if (conversation.status !== 'open') return t.nobodyHeld;
  return conversation.queuedAt !== null ? t.queued : t.nobodyYet;
}

/** How it last changed hands, or null: a hand-over by an operator, or a first answer overdue. */
export function transferText(
  conversation: ConversationSummary,
  t: ConsoleTexts['holder'],
): string | null {
  const { transfer } = conversation;
  if (!transfer) return null;
  if (transfer.reason === 'timeout') return t.movedOn(transfer.from ?? null);
  return t.handedBy(transfer.from ?? null, transfer.note || null);
}
