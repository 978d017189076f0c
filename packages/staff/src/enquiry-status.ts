/**
 * An enquiry's own status — a chat's (`open`, `closed`), a callback order's (`new` … `failed`) or
 * a call's (`ringing` … `cancelled`) — in the staff app's language, not the platform's code.
 */
import type { CallStatus, ConversationStatus, OrderStatus } from '@frontdesk/config';
import type { Language } from './i18n/language';
import { staffTexts } from './staff-texts';

/** Every status code the platform gives an enquiry (chats', orders' and calls' together). */
export type EnquiryStatus = ConversationStatus | OrderStatus | CallStatus;

/** `status` in `language`; a code this app does not know yet (a newer platform's) as it came. */
export function statusText(language: Language, status: string): string {
  const statuses: Record<string, string> = staffTexts[language].statuses;
  return Object.hasOwn(statuses, status) ? (statuses[status] as string) : status;
}
