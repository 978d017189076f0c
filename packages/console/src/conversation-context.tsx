/**
 * What the operator knows about the visitor of a conversation, beside it: the page they are on
 * (a link only when http or https), their local time, where the conversation stands, the
 * customer as each messenger knows them, the contact they gave, every enquiry of their contact
 * in the address book (from any browser) and their past enquiries. Every visitor-supplied string
 * is rendered as text.
 */
import type { ConversationSummary } from '@frontdesk/config';
import { safeHref } from '@frontdesk/core';
import { ChannelBadge } from './channel-badge';
import type { Thread } from './chat-store';
import { EnquiryList } from './enquiry-list';
import { HOME, routeHref } from './route';
import { visitorLocalTime } from './visitor-time';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** Readable names of the rating's marks. */
export const RATING_TEXT = {
  excellent: 'Excellent',
  good: 'Good',
  satisfactory: 'Satisfactory',
  poor: 'Poor',
} as const;

function VisitorFacts({ conversation, now }: { conversation: ConversationSummary; now: Date }) {
  const { page, timeZone } = conversation.visitor;
  const href = page ? safeHref(page.url) : undefined;
  const local = visitorLocalTime(timeZone, now);
  return (
    <dl class="visitor-facts">
      <dt>Page</dt>
      <dd data-field="page">
        {!page ? (
          'unknown'
        ) : href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
      </dd>
      <dt>Visitor's local time</dt>
      <dd data-field="local-time">{local ? `${local} (${timeZone})` : 'unknown'}</dd>
      <dt>Status</dt>
      <dd>
        {conversation.status === 'closed'
          ? `Closed${conversation.rating ? `, rated ${RATING_TEXT[conversation.rating]}` : ''}`
          : conversation.assignee
            ? `Taken by ${conversation.assignee.name}`
            : 'Unassigned: the first reply takes it'}
      </dd>
    </dl>
  );
}

/** The customer as each messenger knows them. */
function Peers({ thread }: { thread: Thread }) {
  if (thread.peers.length === 0) return null;
  return (
    <dl class="peers">
      {thread.peers.map((peer) => (
        <div key={peer.channel}>
          <dt>
            <ChannelBadge channel={peer.channel} />
          </dt>
          <dd data-peer={peer.channel}>
            {peer.name}
            {peer.username ? ` (@${peer.username})` : ''}
            {peer.phone ? `, ${peer.phone}` : ''}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ContactCard({ thread }: { thread: Thread }) {
  const contact = thread.contact;
  if (!contact || !(contact.name || contact.phone || contact.email)) {
    return <p>No contact details given.</p>;
  }
  return (
    <dl>
      {contact.name && (
        <>
          <dt>Name</dt>
          <dd>{contact.name}</dd>
        </>
      )}
      {contact.phone && (
        <>
          <dt>Phone</dt>
          <dd>
            <a href={`tel:${encodeURIComponent(contact.phone)}`}>{contact.phone}</a>
          </dd>
        </>
      )}
      {contact.email && (
        <>
          <dt>E-mail</dt>
          <dd>
            <a href={`mailto:${encodeURIComponent(contact.email)}`}>{contact.email}</a>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The context pane of a conversation, at `now`. */
export function ConversationContext({
  conversation,
  thread,
  now,
}: {
  conversation: ConversationSummary;
  thread: Thread;
  now: Date;
}) {
  return (
    <aside class="context" aria-label="About the visitor">
      <h3>Visitor</h3>
      <VisitorFacts conversation={conversation} now={now} />
      <section class="contact" aria-labelledby="contact-title">
        <h3 id="contact-title">Contact</h3>
        <Peers thread={thread} />
        <ContactCard thread={thread} />
      </section>
      {thread.contactTimeline && (
        <section aria-labelledby="contact-timeline-title">
          <h3 id="contact-timeline-title">All enquiries of this contact</h3>
          <EnquiryList enquiries={thread.contactTimeline.enquiries} current={conversation.id} />
          <a
            href={routeHref({
              ...HOME,
              section: 'contacts',
              open: { kind: 'contact', id: thread.contactTimeline.contactId },
            })}
          >
            Open the contact
          </a>
        </section>
      )}
      <h3>Past enquiries</h3>
      {thread.pastEnquiries.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul class="past">
          {thread.pastEnquiries.map((past) => (
            <li key={past.id}>
              {day.format(new Date(past.startedAt))}, {past.widget.name}
              {past.rating ? `, rated ${RATING_TEXT[past.rating]}` : ''}
              {past.lastMessage ? `: ${past.lastMessage.text}` : ''}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
