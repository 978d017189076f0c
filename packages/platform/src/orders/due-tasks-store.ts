/**
 * Due tasks: the moment an automatic order rings. Claiming is a conditional UPDATE (`where
 * claimed_at is null`) inside a write transaction — `begin immediate` on SQLite, and on
 * PostgreSQL a `for update skip locked` pick — so with any number of platform processes each
 * task is claimed, and its order turned ringing, exactly once.
 */
import { randomUUID } from 'node:crypto';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { Database } from '../storage/database';
import { skipLocked } from '../storage/skip-locked';
import type { Store } from '../storage/store';
import type { DueTaskRow, Tables } from '../storage/tables';
import { renewClaim } from './callback-attempts-store';
import type { DueTask, Order } from './order-records';
import { insertEvent, toOrder } from './order-rows';

/** The due tasks of {@link createStore}. */
export function dueTasksRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): Store['dueTasks'] {
  return {
    async claim({ now, by, staleBefore, limit }) {
      return db.transaction().execute(async (trx) => {
        // Pick, then update the picked rows (as the outbox does): inside an UPDATE, PostgreSQL may
        // run a LIMIT subquery again for each row and so claim more than `limit`. The pick's rows
        // stay locked until the commit.
        const claimFirst = async (
          due: (eb: ExpressionBuilder<Tables, 'due_tasks'>) => Expression<SqlBool>,
          count: number,
        ): Promise<DueTaskRow[]> => {
          const picked = await trx
            .selectFrom('due_tasks')
            .select('id')
            .where(due)
            .orderBy('due_at')
            .limit(count)
            .$call(skipLocked(engine))
            .execute();
          if (picked.length === 0) return [];
          return trx
            .updateTable('due_tasks')
            .set({ claimed_by: by, claimed_at: now })
            .where(
              'id',
              'in',
              picked.map((row) => row.id),
            )
            .returningAll()
            .execute();
        };
        const fresh = await claimFirst(
          (eb) => eb.and([eb('claimed_at', 'is', null), eb('due_at', '<=', now)]),
          limit,
        );
        if (fresh.length > 0) {
          const ringing = await trx
            .updateTable('orders')
            .set({ status: 'ringing', ringing_at: now })
            .where(
              'id',
              'in',
              fresh.map((task) => task.order_id),
            )
            .where('status', '=', 'new')
            .returning('id')
            .execute();
          for (const { id } of ringing) {
            await insertEvent(trx, { order_id: id, status: 'ringing', at: now });
          }
        }
        // A claim whose ring never went out: its claimer died between commit and delivery.
        const stale =
          fresh.length < limit
            ? await claimFirst(
                (eb) => eb.and([eb('fired_at', 'is', null), eb('claimed_at', '<=', staleBefore)]),
                limit - fresh.length,
              )
            : [];
        const tasks = [...fresh, ...stale];
        if (tasks.length === 0) return [];
        const orders = new Map<string, Order>();
        const rows = await trx
          .selectFrom('orders')
          .selectAll()
          .where(
            'id',
            'in',
            tasks.map((task) => task.order_id),
          )
          .execute();
        for (const row of rows) orders.set(row.id, toOrder(row));
        return tasks
          .sort((a, b) => a.due_at - b.due_at)
          .flatMap((task) => {
            const order = orders.get(task.order_id);
            return order ? [{ task: toDueTask(task), order }] : [];
          });
      });
    },

    async markFired(id, now) {
      await db
        .updateTable('due_tasks')
        .set({ fired_at: now })
        .where('id', '=', id)
        .where('fired_at', 'is', null)
        .execute();
    },

    renew: (id, by, now) => renewClaim(db, id, by, now),

    async forOrder(orderId) {
      const row = await db
        .selectFrom('due_tasks')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      return row && toDueTask(row);
    },
  };
}

/** Adds the due task of a new order, in the transaction that stores the order. */
export async function insertDueTask(
  db: Kysely<Tables>,
  orderId: string,
  dueAt: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('due_tasks')
    .values({
      id: randomUUID(),
      order_id: orderId,
      due_at: dueAt,
      claimed_by: null,
      claimed_at: null,
      fired_at: null,
      created_at: now,
    })
    .execute();
}

function toDueTask(row: DueTaskRow): DueTask {
  return {
    id: row.id,
    orderId: row.order_id,
    dueAt: row.due_at,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at,
    firedAt: row.fired_at,
  };
}
