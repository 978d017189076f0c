/**
 * A contact's enquiries (chats, callback orders and calls from every browser), newest first, each
 * a link to its own record: a chat in the inbox, an order among the closed ones (an open one shows
 * too); a call is listed (its record is its line in the call history).
 */
import type { ContactEnquiry } from '@frontdesk/config';
import { HOME, routeHref } from './route';

const KIND_TEXT: Record<ContactEnquiry['kind'], string> = {
  chat: 'Chat',
  callback: 'Callback order',
  call: 'Call',
};

/** Where an enquiry's own record opens; a call has none of its own (the call history lists it). */
function enquiryHref(enquiry: ContactEnquiry): string | undefined {
  if (enquiry.kind === 'call') return undefined;
  if (enquiry.kind === 'chat') {
    return routeHref({ ...HOME, section: 'chats', open: { kind: 'chat', id: enquiry.id } });
  }
  return routeHref({
    ...HOME,
    section: 'orders',
    orders: 'closed',
    open: { kind: 'order', id: enquiry.id },
  });
}

const when = (at: number) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);

/** See the module comment; `current` (the chat shown beside it) is marked, not linked. */
export function EnquiryList({
  enquiries,
  current,
}: {
  enquiries: readonly ContactEnquiry[];
  current?: string;
}) {
  if (enquiries.length === 0) return <p class="empty">No enquiries yet.</p>;
  return (
    <ol class="timeline">
      {enquiries.map((enquiry) => {
        const label = `${KIND_TEXT[enquiry.kind]} on ${enquiry.widgetName}`;
        const href = enquiryHref(enquiry);
        return (
          <li key={`${enquiry.kind}-${enquiry.id}`}>
            {enquiry.id === current ? (
              <span aria-current="true">{label} (this one)</span>
            ) : href ? (
              <a href={href}>{label}</a>
            ) : (
              <span>{label}</span>
            )}{' '}
            <span>
              {when(enquiry.at)}, {enquiry.status}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
