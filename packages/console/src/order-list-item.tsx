/**
 * One callback order in a list (the orders, the search results): its state, the visitor's phone
 * and name, the widget, and its time — the slot of a scheduled one, else when it was ordered.
 * A link to the order.
 */
import { dateLocale, type Language, useLanguage } from '@frontdesk/staff';
import { isScheduled, type OrderSummary } from './callback-order';
import { consoleTexts } from './i18n/console-texts';

/** When the order is for, or was made, in `language`. */
function when(order: OrderSummary, now: number, language: Language): string {
  const t = consoleTexts[language].orders;
  const time = new Intl.DateTimeFormat(dateLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  if (order.slot !== null && isScheduled(order, now))
    return t.scheduledFor(time.format(order.slot));
  if (order.slot !== null) return t.slot(time.format(order.slot));
  return t.orderedAt(time.format(order.createdAt));
}

/** An order's row; `href` opens it, `selected` when it is the one open. */
export function OrderRow({
  order,
  href,
  selected,
  now,
}: {
  order: OrderSummary;
  href: string;
  selected: boolean;
  now: number;
}) {
  const { language } = useLanguage();
  return (
    <li>
      <a
        class="order-row"
        href={href}
        aria-current={selected ? 'true' : undefined}
        data-order-id={order.id}
        data-status={order.status}
      >
        <span class="row-top">
          <span class="status">{consoleTexts[language].orders.statuses[order.status]}</span>{' '}
          <span class="visitor-name">{order.phone}</span>
        </span>
        <span class="row-widget">
          {order.name ? `${order.name} · ` : ''}
          {order.widgetName}
          {order.operator && order.status !== 'ringing' ? ` · ${order.operator.name}` : ''}
        </span>
        <span class="row-preview">{when(order, now, language)}</span>
      </a>
    </li>
  );
}
