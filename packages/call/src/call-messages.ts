/**
 * The call widget's own texts (the configured titles and texts are as typed). Each language is
 * a chunk of its own, loaded with the opened widget.
 */
import type { CoreMessages, Locale } from '@frontdesk/core';
import type { FailReason } from './call-state';

/** Texts of the call widget. */
export interface CallMessages {
  /** The short explanation before the microphone prompt. */
  explain: string;
  call: string;
  popOut: string;
  microphone: string;
  connecting: string;
  ringing: string;
  inCall: string;
  reconnecting: string;
  ended: string;
  endedByOperator: string;
  mute: string;
  hangUp: string;
  dialPad: string;
  callAgain: string;
  orderCallback: string;
  /** While nobody can answer: opens the page's chat instead. */
  writeMessage: string;
  reasons: Record<FailReason, string>;
}

/** Every text an opened call widget shows: the runtime's and its own. */
export interface Texts {
  core: CoreMessages;
  call: CallMessages;
}

/** The texts of `locale`. */
export async function loadTexts(locale: Locale): Promise<Texts> {
  return (await (locale === 'ru' ? import('./texts-ru') : import('./texts-en'))).texts;
}
