/** Rows of `orders` and `order_events` to and from the records of order-records.ts. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrderEventRow, OrderRow, Tables } from '../storage/tables';
import type { Order, Utm } from './order-records';

/** Records that an order entered `status`. */
export async function insertEvent(
  db: Kysely<Tables>,
  event: Omit<OrderEventRow, 'id' | 'user_id' | 'note'> & Partial<OrderEventRow>,
): Promise<void> {
  await db
    .insertInto('order_events')
    .values({ id: randomUUID(), user_id: null, note: null, ...event })
    .execute();
}

/** The order of a row of `orders`. */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    accountId: row.account_id,
    widgetId: row.widget_id,
    widgetName: row.widget_name,
    mode: row.mode,
    phone: row.phone,
    name: row.name,
    slot: row.slot_at,
    consent: row.consent === 1,
    page: {
      url: row.page_url,
      title: row.page_title,
      referrer: row.page_referrer,
      utm: utmOf(row),
    },
    visitorTimeZone: row.visitor_time_zone,
    addressee: addresseeOf(row),
    outgoingNumber: row.outgoing_number,
    status: row.status,
    operator:
      row.operator_id === null ? null : { id: row.operator_id, name: row.operator_name ?? '' },
    note: row.note,
    createdAt: row.created_at,
    ringingAt: row.ringing_at,
    acceptedAt: row.accepted_at,
    doneAt: row.done_at,
    failedAt: row.failed_at,
  };
}

function addresseeOf(row: OrderRow): Order['addressee'] {
  switch (row.addressee_kind) {
    case 'employee':
    case 'group':
      return { kind: row.addressee_kind, id: row.addressee_id ?? '' };
    case 'external':
      return { kind: 'external', number: row.addressee_number ?? '' };
    case 'account':
      return { kind: 'account' };
    default:
      return null;
  }
}

const UTM_TAGS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** The UTM tags of a row's `utm_*` columns; tags a row has no column for, or null, are left out. */
export function utmOf(row: Partial<Record<`utm_${keyof Utm}`, string | null>>): Utm {
  const utm: Utm = {};
  for (const tag of UTM_TAGS) {
    const value = row[`utm_${tag}`];
    if (value !== undefined && value !== null) utm[tag] = value;
  }
  return utm;
}
