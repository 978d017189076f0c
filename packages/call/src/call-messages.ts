/**
 * The call widget's own texts (the configured titles and texts are as typed). Each language is
 * a chunk of its own: the opened widget's texts load with it, the call's own (its states, its
 * buttons, why it failed; live-texts.ts) with the call itself, on the first press.
 */
import type { CoreMessages, Locale } from '@frontdesk/core';
import type { FailReason } from './call-state';

/** Texts of the opened call widget before a call. */
export interface OpenedCallMessages {
  /** The short explanation before the microphone prompt. */
  explain: string;
  call: string;
  /** Said as soon as the call button is pressed, while the call itself is on its way. */
  microphone: string;
  popOut: string;
  orderCallback: string;
  /** While nobody can answer: opens the page's chat instead. */
  writeMessage: string;
}

/** Texts of a call under way: its states, its buttons, why it failed. */
export interface LiveCallMessages {
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
  reasons: Record<FailReason, string>;
}

/** Every text of the call widget. */
export type CallMessages = OpenedCallMessages & LiveCallMessages;

/** The texts an opened call widget shows before a call: the runtime's and its own. */
export interface OpenedTexts {
  core: CoreMessages;
  call: OpenedCallMessages;
}

/** Every text of the call widget, a call's included. */
export interface Texts {
  core: CoreMessages;
  call: CallMessages;
}

/** The opened widget's texts of `locale`. */
export async function loadOpenedTexts(locale: Locale): Promise<OpenedTexts> {
  return (await (locale === 'ru' ? import('./texts-ru') : import('./texts-en'))).texts;
}
