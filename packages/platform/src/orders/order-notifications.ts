/**
 * What staff receive about an order (a manual-mode order's staff, a chat lead generator's
 * recipients): one e-mail per address, one SMS per number. Times are in the widget's time zone,
 * the one its schedule (and so the slot) lives in.
 */

import type { NewOutboxMessage } from '../outbox/outbox-records';
import type { OrderRecipients } from './callback-mode';
import type { PlaceOrder } from './order-records';

/** The e-mails and SMS announcing `order` to `to`, for the outbox. */
export function orderNotifications(
  order: PlaceOrder['order'],
  to: OrderRecipients,
  timeZone: string,
): NewOutboxMessage[] {
  if (to.emails.length + to.smsNumbers.length === 0) return [];
  const full = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  });
  const short = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const who = order.name ? `${order.phone} (${order.name})` : order.phone;
  const when =
    order.slot === null ? 'as soon as possible' : `${full.format(order.slot)} (${timeZone})`;
  const utm = Object.entries(order.page.utm)
    .map(([tag, value]) => `${tag}=${value}`)
    .join(', ');
  const page = [order.page.title, order.page.url && `<${order.page.url}>`]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `A visitor asked to be called back through "${order.widgetName}".`,
    '',
    `Phone: ${order.phone}`,
    ...(order.name ? [`Name: ${order.name}`] : []),
    `When: ${when}`,
    ...(page ? [`Page: ${page}`] : []),
    ...(order.page.referrer ? [`Referrer: ${order.page.referrer}`] : []),
    ...(utm ? [`UTM: ${utm}`] : []),
    `Ordered: ${full.format(order.createdAt)} (${timeZone})`,
  ];
  const email = lines.join('\n');
  const sms = `Callback ${who}, ${order.slot === null ? 'now' : short.format(order.slot)}: ${order.widgetName}`;
  return [
    ...to.emails.map((recipient) => ({
      channel: 'email' as const,
      recipient,
      subject: `Callback order: ${who}`,
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
