import type { ChatContact } from '@frontdesk/config';
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
 */
export function nonWorkingEmail(input: {
  to: string;
  widgetName: string;
  text: string;
  contact: ChatContact | undefined;
  page: { url: string; title: string } | null;
  at: Date;
}): NonWorkingEmail {
  const { contact, page } = input;
  const about = [
    contact?.name && `Name: ${contact.name}`,
    contact?.phone && `Phone: ${contact.phone}`,
    contact?.email && `E-mail: ${contact.email}`,
    page && `Page: ${page.title ? `${page.title} — ` : ''}${page.url}`,
    `Sent: ${input.at.toISOString()}`,
  ].filter(Boolean);
  const body = `${input.text}\n\n${about.join('\n')}\n`;
  return {
    single: {
      channel: 'email',
      recipient: input.to,
      subject: `Chat message out of hours: ${input.widgetName}`,
      body,
    },
    batch: {
      subject: `Chat messages out of hours: ${input.widgetName} (the rest of an hour)`,
      opening: `One visitor wrote more than ${NON_WORKING_EMAILS_PER_HOUR} messages within an hour; the rest of that hour follow, oldest first.\n`,
      part: `\n---\n${body}`,
      full: `\n---\nMore messages followed within the hour; read them in the inbox.\n`,
    },
    perHour: NON_WORKING_EMAILS_PER_HOUR,
    batchMax: BATCHED_PER_HOUR,
  };
}
