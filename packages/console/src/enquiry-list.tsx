/**
 * A contact's enquiries (chats, callback orders and calls from every browser), newest first, each
 * a link to its own record: a chat in the inbox, an order among the closed ones (an open one shows
 * too); a call is listed (its record is its line in the call history).
 */
import type { ContactEnquiry } from '@frontdesk/config';
import { clockLocale, statusText, useLanguage } from '@frontdesk/staff';
import { consoleTexts } from './i18n/console-texts';
import { HOME, routeHref } from './route';

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

/** See the module comment; `current` (the chat shown beside it) is marked, not linked. */
export function EnquiryList({
  enquiries,
  current,
}: {
  enquiries: readonly ContactEnquiry[];
  current?: string;
}) {
  const { language } = useLanguage();
  const t = consoleTexts[language].enquiries;
  const when = new Intl.DateTimeFormat(clockLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  if (enquiries.length === 0) return <p class="empty">{t.empty}</p>;
  return (
    <ol class="timeline">
      {enquiries.map((enquiry) => {
        const label = t.on(t.kinds[enquiry.kind], enquiry.widgetName);
        const href = enquiryHref(enquiry);
        return (
          <li key={`${enquiry.kind}-${enquiry.id}`}>
            {enquiry.id === current ? (
              <span aria-current="true">
                {label} {t.thisOne}
              </span>
            ) : href ? (
              <a href={href}>{label}</a>
            ) : (
              <span>{label}</span>
            )}{' '}
            <span>
              {when.format(enquiry.at)}, {statusText(language, enquiry.status)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
