/**
 * The orders list: open ones (ringing first), scheduled ones by their slot (they may be taken
 * early), and closed ones — done or failed, read from the call history — under a filter kept in
 * the URL.
 */
import type { CallbackOrder } from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { closedOrders } from './api';
import {
  matchesOrderFilter,
  type OrderFilter,
  type OrderSummary,
  sortOrders,
} from './callback-order';
import { useConsoleTexts } from './i18n/console-texts';
import { OrderRow } from './order-list-item';
import { navigate, type Route, routeHref } from './route';

const FILTERS: readonly OrderFilter[] = ['open', 'scheduled', 'closed'];

/** The closed orders of the call history, read each time the Closed list is shown. */
function useHistory(shown: boolean) {
  const sayError = useErrorText();
  const [history, setHistory] = useState<OrderSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!shown) return;
    let current = true;
    closedOrders().then(
      (list) => {
        if (!current) return;
        setHistory(list);
        setError(null);
      },
      (e: Error) => {
        if (current) setError(sayError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [shown]);
  return { history, error };
}

/** The orders list under `route`, at `now`. */
export function OrderList({
  orders,
  route,
  now,
}: {
  orders: ReadonlyMap<string, CallbackOrder>;
  route: Route;
  now: number;
}) {
  const t = useConsoleTexts().orders;
  const filter = route.orders;
  const { history, error } = useHistory(filter === 'closed');
  const live = [...orders.values()];
  const count = (f: OrderFilter) => live.filter((o) => matchesOrderFilter(o, f, now)).length;
  // What this console saw close wins over the history's copy (it may be newer).
  const all = new Map<string, OrderSummary>(
    filter === 'closed' ? history.map((o) => [o.id, o]) : [],
  );
  for (const order of live) all.set(order.id, order);
  const shown = sortOrders(
    [...all.values()].filter((o) => matchesOrderFilter(o, filter, now)),
    filter,
  );
  return (
    <div class="order-list">
      <fieldset class="filters">
        <legend class="visually-hidden">{t.show}</legend>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f ? 'true' : 'false'}
            onClick={() => navigate({ ...route, orders: f })}
          >
            {t.filters[f]}
            {f === 'closed' ? '' : ` (${count(f)})`}
          </button>
        ))}
      </fieldset>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {shown.length === 0 ? (
        <p class="empty">{t.empty[filter]}</p>
      ) : (
        <ul class="rows" aria-label={t.list}>
          {shown.map((order) => (
            <OrderRow
              key={order.id}
              order={order}
              now={now}
              href={routeHref({ ...route, open: { kind: 'order', id: order.id } })}
              selected={route.open?.kind === 'order' && route.open.id === order.id}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
