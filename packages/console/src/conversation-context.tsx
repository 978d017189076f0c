/**
 * What the operator knows about the visitor of a conversation, beside it: the page they are on
 * (a link only when http or https), their local time, where the conversation stands, the
 * customer as each messenger knows them, the contact they gave, every enquiry of their contact
 * in the address book (from any browser) and their past enquiries. Every visitor-supplied string
 * is rendered as text.
 */
import type { ConversationSummary } from '@frontdesk/config';
import { safeHref } from '@frontdesk/core';
import { dateLocale, useLanguage } from '@frontdesk/staff';
import { ChannelBadge } from './channel-badge';
import type { Thread } from './chat-store';
import { EnquiryList } from './enquiry-list';
import { consoleTexts, useConsoleTexts } from './i18n/console-texts';
import { HOME, routeHref } from './route';
import { visitorLocalTime } from './visitor-time';

function VisitorFacts({ conversation, now }: { conversation: ConversationSummary; now: Date }) {
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const { page, timeZone } = conversation.visitor;
  const href = page ? safeHref(page.url) : undefined;
  const local = visitorLocalTime(timeZone, now, dateLocale(language));
  const { rating } = conversation;
  return (
    <dl class="visitor-facts">
      <dt>{t.page}</dt>
      <dd data-field="page">
        {!page ? (
          t.unknown
        ) : href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {page.title || page.url}
          </a>
        ) : (
          page.title || page.url
        )}
      </dd>
      <dt>{t.localTime}</dt>
      <dd data-field="local-time">{local ? `${local} (${timeZone})` : t.unknown}</dd>
      <dt>{t.context.status}</dt>
      <dd>
        {conversation.status === 'closed'
          ? t.context.closed(rating ? t.context.ratings[rating] : null)
          : conversation.assignee
            ? t.context.takenBy(conversation.assignee.name)
            : t.context.unassigned}
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
  const t = useConsoleTexts();
  const contact = thread.contact;
  if (!contact || !(contact.name || contact.phone || contact.email)) {
    return <p>{t.context.noContact}</p>;
  }
  return (
    <dl>
      {contact.name && (
        <>
          <dt>{t.name}</dt>
          <dd>{contact.name}</dd>
        </>
      )}
      {contact.phone && (
        <>
          <dt>{t.phone}</dt>
          <dd>
            <a href={`tel:${encodeURIComponent(contact.phone)}`}>{contact.phone}</a>
          </dd>
        </>
      )}
      {contact.email && (
        <>
          <dt>{t.email}</dt>
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
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const day = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium' });
  return (
    <aside class="context" aria-label={t.context.label}>
      <h3>{t.visitor}</h3>
      <VisitorFacts conversation={conversation} now={now} />
      <section class="contact" aria-labelledby="contact-title">
        <h3 id="contact-title">{t.context.contact}</h3>
        <Peers thread={thread} />
        <ContactCard thread={thread} />
      </section>
      {thread.contactTimeline && (
        <section aria-labelledby="contact-timeline-title">
          <h3 id="contact-timeline-title">{t.context.allEnquiries}</h3>
          <EnquiryList enquiries={thread.contactTimeline.enquiries} current={conversation.id} />
          <a
            href={routeHref({
              ...HOME,
              section: 'contacts',
              open: { kind: 'contact', id: thread.contactTimeline.contactId },
            })}
          >
            {t.context.openContact}
          </a>
        </section>
      )}
      <h3>{t.context.past}</h3>
      {thread.pastEnquiries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="past">
          {thread.pastEnquiries.map((past) => (
            <li key={past.id}>
              {day.format(new Date(past.startedAt))}, {past.widget.name}
              {past.rating ? t.context.rated(t.context.ratings[past.rating]) : ''}
              {past.lastMessage ? `: ${past.lastMessage.text}` : ''}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
