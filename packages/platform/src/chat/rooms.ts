/** The socket.io rooms chat events go to, on `/chat` (visitors) and `/ops` (operators). */
import type { Receiver } from '@frontdesk/config';
import type { Conversation } from './chat-records';

/** Every tab of one visitor, on `/chat`. */
export const visitorRoom = (visitorId: string) => `visitor:${visitorId}`;

/** Every visitor of one widget, on `/chat` (operator presence). */
export const widgetRoom = (widgetId: string) => `widget:${widgetId}`;

/** The admins of an account, on `/ops`: they see every conversation. */
export const adminsRoom = (accountId: string) => `admins:${accountId}`;

/**
 * The operators and admins of an account, on `/ops`: those who answer a conversation with no
 * receiver. Not `account:` — its marketers are there too (presence, orders), and never see chats.
 */
export const answerersRoom = (accountId: string) => `answerers:${accountId}`;

/**
 * The `/ops` room of a receiver (the rooms realtime/realtime.ts joins): the employee, the group, or
 * the account's answerers when there is none.
 */
export function receiverRoom(accountId: string, receiver: Receiver | null): string {
  if (receiver?.kind === 'employee') return `user:${receiver.id}`;
  if (receiver?.kind === 'group') return `group:${receiver.id}`;
  return answerersRoom(accountId);
}

/** The `/ops` rooms that see a conversation: its receiver, its assignee, the admins. */
export function conversationRooms(conversation: Conversation): string[] {
  return [
    receiverRoom(conversation.accountId, conversation.receiver),
    adminsRoom(conversation.accountId),
    ...(conversation.assignee ? [`user:${conversation.assignee.id}`] : []),
  ];
}
