import type { ChatContact, TextLocale } from '@frontdesk/config';
import { platformTexts } from '../texts';
import type { NonWorkingEmail } from './chat-records';

/** Non-working e-mails one conversation sends one by one within an hour. */
export const NON_WORKING_EMAILS_PER_HOUR = 5;

/** The most messages the hour's batch e-mail holds; later ones wait in the inbox. */
export const BATCHED_PER_HOUR = 50;

/**
 * The e-mail one visitor message of non-working time becomes, to the address the site chat's
 * settings name: the text, who wrote it as far as they said, and from which page. One per message,
 * but a conversation past {@link NON_WORKING_EMAILS_PER_HOUR} in an hour puts the rest of that
 * hour into one e-mail (see chat-emails-store.ts), so a flood of messages cannot flood the inbox.
 * Written in `language`, the account's.
 */
export function nonWorkingEmail(input: {
  to: string;
  widgetName: string;
  text: string;
  contact: ChatContact | undefined;
  page: { url: string; title: string } | null;
  at: Date;
  language: TextLocale;
}): NonWorkingEmail {
  const { contact, page } = input;
  const t = platformTexts[input.language].chat;
  const about = [
    contact?.name && `${t.name}: ${contact.name}`,
    contact?.phone && `${t.phone}: ${contact.phone}`,
    contact?.email && `${t.email}: ${contact.email}`,
    page && `${t.page}: ${page.title ? `${page.title} — ` : ''}${page.url}`,
    `${t.sent}: ${input.at.toISOString()}`,
  ].filter(Boolean);
  const body = `${input.text}\n\n${about.join('\n')}\n`;
  return {
    single: {
      channel: 'email',
      recipient: input.to,
      subject: t.subject(input.widgetName),
      body,
    },
    batch: {
      subject: t.batchSubject(input.widgetName),
      opening: `${t.batchOpening(NON_WORKING_EMAILS_PER_HOUR)}\n`,
      part: `\n---\n${body}`,
      full: `\n---\n${t.batchFull}\n`,
    },
    perHour: NON_WORKING_EMAILS_PER_HOUR,
    batchMax: BATCHED_PER_HOUR,
  };
}
