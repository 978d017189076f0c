import type { ChatContact } from '@frontdesk/config';
import type { NewOutboxMessage } from '../storage/types';

/**
 * The e-mail one visitor message of non-working time becomes (one per message), to the address
 * the site chat's settings name: the text, who wrote it as far as they said, and from which page.
 */
export function nonWorkingEmail(input: {
  to: string;
  widgetName: string;
  text: string;
  contact: ChatContact | undefined;
  page: { url: string; title: string } | null;
  at: Date;
}): NewOutboxMessage {
  const { contact, page } = input;
  const about = [
    contact?.name && `Name: ${contact.name}`,
    contact?.phone && `Phone: ${contact.phone}`,
    contact?.email && `E-mail: ${contact.email}`,
    page && `Page: ${page.title ? `${page.title} — ` : ''}${page.url}`,
    `Sent: ${input.at.toISOString()}`,
  ].filter(Boolean);
  return {
    channel: 'email',
    recipient: input.to,
    subject: `Chat message out of hours: ${input.widgetName}`,
    body: `${input.text}\n\n${about.join('\n')}\n`,
  };
}
