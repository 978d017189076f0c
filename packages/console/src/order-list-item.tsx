/**
 * One callback order in a list (the orders, the search results): its state, the visitor's phone
 * and name, the widget, and its time — the slot of a scheduled one, else when it was ordered.
 * A link to the order.
 */
import { isScheduled, type OrderSummary, STATUS_TEXT } from './callback-order';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When the order is for, or was made. */
function when(order: OrderSummary, now: number): string {
  if (order.slot !== null && isScheduled(order, now)) {
    return `Scheduled for ${time.format(order.slot)}`;
  }
  if (order.slot !== null) return `Slot ${time.format(order.slot)}`;
  return `Ordered ${time.format(order.createdAt)}`;
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
          <span class="status">{STATUS_TEXT[order.status]}</span>{' '}
          <span class="visitor-name">{order.phone}</span>
        </span>
        <span class="row-widget">
          {order.name ? `${order.name} · ` : ''}
          {order.widgetName}
          {order.operator && order.status !== 'ringing' ? ` · ${order.operator.name}` : ''}
        </span>
        <span class="row-preview">{when(order, now)}</span>
      </a>
    </li>
  );
}
