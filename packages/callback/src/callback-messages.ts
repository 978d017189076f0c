/**
 * The callback widget's own texts (the configured titles and texts are as typed). Each language
 * is a chunk of its own (`texts-en`, `texts-ru`), loaded with the opened widget: a visitor
 * downloads only the language the widget speaks to them.
 */
import type { CoreMessages, Locale } from '@frontdesk/core';

/** Texts of the callback form. */
export interface CallbackMessages {
  phone: string;
  country: string;
  phoneRequired: string;
  phoneIncomplete: string;
  phoneInvalid: string;
  phoneValid: string;
  name: string;
  when: string;
  /** "Call me now" in automatic mode. */
  now: string;
  /** "Call me now" in manual mode, where an employee calls back. */
  soon: string;
  chooseTime: string;
  timeRequired: string;
  noSlots: string;
  /** A hint when the visitor's zone differs from the company's. */
  yourZone(zone: string): string;
  /** A slot's time in the company's zone, after the visitor's. */
  companyTime(time: string): string;
  /** The consent checkbox when the config has no wording of its own. */
  consent: string;
  sendNow: string;
  /** Send, for the slot `when` ("tomorrow, Mon 7 Dec, 06:00"). */
  sendAt(when: string): string;
  send: string;
  sending: string;
  doneTitle: string;
  doneNow: string;
  doneSoon: string;
  /** The confirmation of an order for the slot `when` ("tomorrow, Mon 7 Dec, 06:00"). */
  doneAt(when: string): string;
  /** The order is kept offline and goes out when the network is back (under `doneTitle`). */
  kept: string;
  /** Label of the field people never see (bots fill it in). */
  trap: string;
}

/** Every text an opened callback widget shows: the runtime's and its own. */
export interface Texts {
  core: CoreMessages;
  callback: CallbackMessages;
}

/** The texts of `locale`. */
export async function loadTexts(locale: Locale): Promise<Texts> {
  return (await (locale === 'ru' ? import('./texts-ru') : import('./texts-en'))).texts;
}
