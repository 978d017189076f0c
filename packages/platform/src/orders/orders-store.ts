import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import { queueMessages } from '../outbox';
import { uniqueViolation } from '../storage/constraint-violation';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { Store } from '../storage/store';
import type { OrderRow, Tables } from '../storage/tables';
import { recordAttempt } from './callback-attempts-store';
import { insertDueTask } from './due-tasks-store';
import type { Order, OrderStatus, PlacedOrder, PlaceOrder } from './order-records';
import { insertEvent, toOrder } from './order-rows';

/** Open orders: what a console lists and what may still change. */
const OPEN: readonly OrderStatus[] = ['new', 'ringing', 'accepted'];

/** The order of states, to sort events recorded in the same millisecond. */
const RANK: Readonly<Record<OrderStatus, number>> = {
  new: 0,
  ringing: 1,
  accepted: 2,
  done: 3,
  failed: 3,
};

const TIME_OF = { accepted: 'accepted_at', done: 'done_at', failed: 'failed_at' } as const;

/** The callback orders of {@link createStore}. */
export function ordersRepository(db: Kysely<Tables>): Store['orders'] {
  return {
    async place(input) {
      const row = toRow(input.order);
      checkRow(row);
      assertStorableText('idempotencyKey', input.idempotencyKey);
      const now = row.created_at;
      try {
        return await db.transaction().execute(async (trx): Promise<PlacedOrder> => {
          // On SQLite this look cannot race (write transactions take the lock up front).
          const earlier = await keyed(trx, row.widget_id, input.idempotencyKey);
          if (earlier) return again(earlier, input);
          await trx.insertInto('orders').values(row).execute();
          await insertEvent(trx, { order_id: row.id, status: 'new', at: now });
          await trx
            .insertInto('idempotency_keys')
            .values({
              widget_id: row.widget_id,
              key: input.idempotencyKey,
              request_hash: input.requestHash,
              order_id: row.id,
              created_at: now,
            })
            .execute();
          await queueMessages(trx, {
            accountId: row.account_id,
            orderId: row.id,
            kind: 'order',
            messages: input.notifications,
            now,
          });
          if (input.dueAt !== null) await insertDueTask(trx, row.id, input.dueAt, now);
          return { outcome: 'created', order: toOrder(row) };
        });
      } catch (error) {
        // PostgreSQL: another transaction stored the same key between our look and our insert.
        if (uniqueViolation(error) !== 'idempotency_keys.key') throw error;
      }
      const earlier = await keyed(db, row.widget_id, input.idempotencyKey);
      if (!earlier) throw new Error(`idempotency key ${input.idempotencyKey} vanished`);
      return again(earlier, input);
    },

    byIdempotencyKey: (widgetId, key) => keyed(db, widgetId, key),

    async get(id) {
      const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOrder(row);
    },

    async events(id) {
      const rows = await db
        .selectFrom('order_events')
        .selectAll()
        .where('order_id', '=', id)
        .orderBy('at')
        .execute();
      return rows
        .sort((a, b) => a.at - b.at || RANK[a.status] - RANK[b.status])
        .map((row) => ({ status: row.status, at: row.at, userId: row.user_id, note: row.note }));
    },

    async open(accountId, limit) {
      const rows = await db
        .selectFrom('orders')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('status', 'in', OPEN)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toOrder);
    },

    async transition(id, change) {
      assertStorableTime('now', change.now);
      if (change.note) assertStorableText('note', change.note);
      const values: Updateable<OrderRow> = {
        status: change.to,
        [TIME_OF[change.to]]: change.now,
        ...(change.to === 'accepted'
          ? { operator_id: change.by.id, operator_name: change.by.name }
          : {}),
        ...(change.note !== undefined ? { note: change.note } : {}),
      };
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('orders')
          .set(values)
          .where('id', '=', id)
          .where('status', 'in', change.from)
          .$if(change.acceptedBy !== undefined, (qb) =>
            qb.where('operator_id', '=', change.acceptedBy ?? ''),
          )
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await insertEvent(trx, {
          order_id: id,
          status: change.to,
          at: change.now,
          user_id: change.by.id,
          note: change.note ?? null,
        });
        return toOrder(row);
      });
    },

    recordAttempt: (attempt) => recordAttempt(db, attempt),
  };
}

/** The order a widget's idempotency key made, with its request hash. */
async function keyed(
  db: Kysely<Tables>,
  widgetId: string,
  key: string,
): Promise<{ order: Order; requestHash: string } | undefined> {
  const found = await db
    .selectFrom('idempotency_keys')
    .innerJoin('orders', 'orders.id', 'idempotency_keys.order_id')
    .selectAll('orders')
    .select('idempotency_keys.request_hash')
    .where('idempotency_keys.widget_id', '=', widgetId)
    .where('idempotency_keys.key', '=', key)
    .executeTakeFirst();
  if (!found) return undefined;
  const { request_hash, ...row } = found;
  return { order: toOrder(row), requestHash: request_hash };
}

/** A key used before: the same request gets its order again; another request is a conflict. */
function again(earlier: { order: Order; requestHash: string }, input: PlaceOrder): PlacedOrder {
  return earlier.requestHash === input.requestHash
    ? { outcome: 'replayed', order: earlier.order }
    : { outcome: 'conflict' };
}

function toRow(order: PlaceOrder['order']): OrderRow {
  const { addressee, page } = order;
  return {
    id: randomUUID(),
    // The address book links it once the order is committed (order-contact.ts).
    contact_id: null,
    account_id: order.accountId,
    widget_id: order.widgetId,
    widget_name: order.widgetName,
    mode: order.mode,
    phone: order.phone,
    name: order.name,
    slot_at: order.slot,
    consent: order.consent ? 1 : 0,
    page_url: page.url,
    page_title: page.title,
    page_referrer: page.referrer,
    utm_source: page.utm.source ?? null,
    utm_medium: page.utm.medium ?? null,
    utm_campaign: page.utm.campaign ?? null,
    utm_term: page.utm.term ?? null,
    utm_content: page.utm.content ?? null,
    visitor_time_zone: order.visitorTimeZone,
    addressee_kind: addressee?.kind ?? null,
    addressee_id:
      addressee?.kind === 'employee' || addressee?.kind === 'group' ? addressee.id : null,
    addressee_number: addressee?.kind === 'external' ? addressee.number : null,
    outgoing_number: order.outgoingNumber,
    status: 'new',
    operator_id: null,
    operator_name: null,
    note: null,
    created_at: order.createdAt,
    ringing_at: null,
    accepted_at: null,
    done_at: null,
    failed_at: null,
    attempts: 0,
  };
}

/** Every text and time of a new order row, checked before anything is written. */
function checkRow(row: OrderRow): void {
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string') assertStorableText(column, value);
    else if (typeof value === 'number') assertStorableTime(column, value);
  }
}
