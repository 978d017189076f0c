/** The contact form's texts in English. */
import type { ContactMessages } from './contact-messages';

/** Every text of the contact form, in English. */
export const texts: ContactMessages = {
  title: 'No one can answer right now. Leave your contact and we will answer as soon as we can.',
  name: 'Name (optional)',
  phone: 'Phone',
  email: 'E-mail',
  send: 'Leave my contact',
  sending: 'Sending…',
  needOne: 'Give a phone number or an e-mail address.',
  phoneInvalid: 'This number looks wrong.',
  emailInvalid: 'This address looks wrong.',
  known: (to) => `We will answer you at ${to}.`,
};
