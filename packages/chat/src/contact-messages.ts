/**
 * Texts of the contact form the chat offers while nobody can answer (contact-form.tsx). Each
 * language is a chunk of its own, loaded with the form: a visitor who never meets it never
 * downloads them.
 */
import type { Locale } from '@frontdesk/core';

/** Texts of the contact form. */
export interface ContactMessages {
  /** Above the form: why it is there. */
  title: string;
  name: string;
  phone: string;
  email: string;
  send: string;
  sending: string;
  /** Neither a phone nor an e-mail given. */
  needOne: string;
  phoneInvalid: string;
  emailInvalid: string;
  /** The visitor is known (a callback order, the form): how the company will answer. */
  known(to: string): string;
}

/** The contact form's texts of `locale`. */
export async function loadContactTexts(locale: Locale): Promise<ContactMessages> {
  return (await (locale === 'ru' ? import('./contact-texts-ru') : import('./contact-texts-en')))
    .texts;
}
