/**
 * What staff receive about an order (a manual-mode order's staff, a chat lead generator's
 * recipients): one e-mail per address, one SMS per number, in the account's language. Times are
 * in the widget's time zone, the one its schedule (and so the slot) lives in.
 */

import { clockLocale, type TextLocale } from '@frontdesk/config';
import type { NewOutboxMessage } from '../outbox';
import { platformTexts } from '../texts';
import type { OrderRecipients } from './callback-mode';
import type { PlaceOrder } from './order-records';

/** The e-mails and SMS announcing `order` to `to` in `language`, for the outbox. */
export function orderNotifications(
  order: PlaceOrder['order'],
  to: OrderRecipients,
  timeZone: string,
  language: TextLocale,
): NewOutboxMessage[] {
  if (to.emails.length + to.smsNumbers.length === 0) return [];
  const t = platformTexts[language].order;
  const full = new Intl.DateTimeFormat(clockLocale(language), {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  });
  const short = new Intl.DateTimeFormat(clockLocale(language), {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const who = order.name ? `${order.phone} (${order.name})` : order.phone;
  const when = order.slot === null ? t.asap : `${full.format(order.slot)} (${timeZone})`;
  const utm = Object.entries(order.page.utm)
    .map(([tag, value]) => `${tag}=${value}`)
    .join(', ');
  const page = [order.page.title, order.page.url && `<${order.page.url}>`]
    .filter(Boolean)
    .join(' ');
  const lines = [
    t.intro(order.widgetName),
    '',
    `${t.phone}: ${order.phone}`,
    ...(order.name ? [`${t.name}: ${order.name}`] : []),
    `${t.when}: ${when}`,
    ...(page ? [`${t.page}: ${page}`] : []),
    ...(order.page.referrer ? [`${t.referrer}: ${order.page.referrer}`] : []),
    ...(utm ? [`${t.utm}: ${utm}`] : []),
    `${t.ordered}: ${full.format(order.createdAt)} (${timeZone})`,
  ];
  const email = lines.join('\n');
  const sms = t.sms(
    who,
    order.slot === null ? t.smsNow : short.format(order.slot),
    order.widgetName,
  );
  return [
    ...to.emails.map((recipient) => ({
      channel: 'email' as const,
      recipient,
      subject: t.subject(who),
      body: email,
    })),
    ...to.smsNumbers.map((recipient) => ({
      channel: 'sms' as const,
      recipient,
      subject: null,
      body: sms,
    })),
  ];
}
