/**
 * The chat widget's own texts (the configured titles and texts are as typed). Each language is
 * a chunk of its own (`texts-en`, `texts-ru`), loaded with the opened widget or the session.
 */
import type { ChatRating } from '@frontdesk/config';
import type { CoreMessages, Locale } from '@frontdesk/core';

/** Texts of the chat window. */
export interface ChatMessages {
  /** Tab names. */
  chatTab: string;
  callbackTab: string;
  /** Accessible name of the message log. */
  log: string;
  /** Label of the composer. */
  message: string;
  placeholder: string;
  send: string;
  /** Before the text of each message, for screen readers. */
  you: string;
  operator: string;
  auto: string;
  /** States of the visitor's own messages. */
  sending: string;
  waiting: string;
  sent: string;
  read: string;
  notSent: string;
  typing: string;
  connecting: string;
  /** The log has no message yet. */
  empty: string;
  /** The launcher's badge, for screen readers. */
  unread(count: number): string;
  rateTitle: string;
  ratings: Record<ChatRating, string>;
  rated: string;
  /** A messenger button's accessible name. */
  continueIn(messenger: string): string;
  /** The consent checkbox when the config has no wording of its own. */
  consent: string;
  /** The callback tab's heading. */
  callbackTitle: string;
  /** The Studio's preview: a sample conversation. */
  sampleVisitor: string;
  sampleOperator: string;
}

/** Every text an opened chat shows: the runtime's and its own. */
export interface Texts {
  core: CoreMessages;
  chat: ChatMessages;
}

/** The texts of `locale`. */
export async function loadTexts(locale: Locale): Promise<Texts> {
  return (await (locale === 'ru' ? import('./texts-ru') : import('./texts-en'))).texts;
}
