/**
 * The runtime's own texts and the visitor-facing text of each platform error; the texts of each
 * language are a module of their own (`core-messages-en`, `core-messages-ru`), so a widget loads
 * only the language it speaks.
 */
/** Platform error codes a widget explains to the visitor in its own words. */
export type ErrorCode =
  | 'invalid_phone'
  | 'slot_unavailable'
  | 'closed_now'
  | 'consent_required'
  | 'rate_limited'
  | 'network'
  | 'origin_not_allowed'
  | 'widget_not_found'
  | 'unknown';

/** Texts of the shared parts: dialog frame, brand line, error explanations. */
export interface CoreMessages {
  /** Accessible name of a dialog's close button. */
  close: string;
  /** Brand line before the linked name "Frontdesk". */
  poweredBy: string;
  errors: Record<ErrorCode, string>;
}

/** The visitor-facing text of platform error `code` (a general one for codes it does not know). */
export function errorText(messages: CoreMessages, code: string): string {
  return messages.errors[code as ErrorCode] ?? messages.errors.unknown;
}
