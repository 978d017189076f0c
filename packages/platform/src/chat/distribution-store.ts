/**
 * Distribution of a group's conversations (issue 23), decided in the database so that any number
 * of platform processes give each conversation out once: a pass locks the group's row (PostgreSQL;
 * SQLite's write transactions hold the whole database), reads what each member holds, and changes
 * a conversation only if it is still as read (compare-and-set), so a reply that took it meanwhile
 * wins. It never locks a visitor's row: senders lock visitor, then conversation, and never a group,
 * so no two writers wait for each other in a circle.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { retriedTransaction } from '../storage/retried-transaction';
import { lockedRow } from '../storage/skip-locked';
import { assertStorableTime } from '../storage/storable-values';
import type { ConversationRow, GroupRow, Tables } from '../storage/tables';

/** A distributing group's queue: how many wait, and since when the longest. */
export interface GroupQueue {
  groupId: string;
  name: string;
  length: number;
  /** When the longest-waiting conversation entered the queue; null when it is empty. */
  oldestQueuedAt: number | null;
}

/** The distribution part of the store. */
export interface ChatDistributionStore {
  /**
   * The distributing groups with work at `now`: a conversation in their queue, or one whose
   * holder's first answer is overdue.
   */
  pending(now: number): Promise<string[]>;
  /**
   * One turn of a distributing group, in one transaction: each conversation held past its first
   * answer moves to the next member who can take one (it stays while nobody else can); then the
   * queue, oldest first, goes out one conversation per member in turn, to members in `online`
   * below the group's limit. The ids of the conversations that changed hands.
   */
  distribute(
    groupId: string,
    input: { online: ReadonlySet<string>; now: number },
  ): Promise<string[]>;
  /** The queues of the account's distributing groups. */
  queues(accountId: string): Promise<GroupQueue[]>;
}

/**
 * Whether a conversation routed to `receiver` waits in a queue: a distributing group's. Read in
 * the transaction that routes it (a new conversation, a hand-over to a group).
 */
export async function queuesFor(
  trx: Kysely<Tables>,
  receiver: { kind: 'employee' | 'group' | null; id: string | null },
): Promise<boolean> {
  if (receiver.kind !== 'group' || receiver.id === null) return false;
  const group = await trx
    .selectFrom('groups')
    .select('chat_mode')
    .where('id', '=', receiver.id)
    .executeTakeFirst();
  return group?.chat_mode === 'distribute';
}

/** Most queued conversations one turn looks at. */
const TURN_LIMIT = 200;

/** The distribution of {@link createStore}. */
export function chatDistributionRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): ChatDistributionStore {
  return {
    async pending(now) {
      assertStorableTime('now', now);
      const rows = await db
        .selectFrom('groups as g')
        .innerJoin('conversations as c', (join) =>
          join.onRef('c.receiver_id', '=', 'g.id').on('c.receiver_kind', '=', 'group'),
        )
        .select('g.id')
        .distinct()
        .where('g.chat_mode', '=', 'distribute')
        .where('c.status', '=', 'open')
        .where((eb) => eb.or([eb('c.assignee_id', 'is', null), eb('c.answer_due_at', '<=', now)]))
        .execute();
      return rows.map((row) => row.id);
    },

    async distribute(groupId, { online, now }) {
      assertStorableTime('now', now);
      return retriedTransaction(db, async (trx) => {
        const group = await trx
          .selectFrom('groups')
          .selectAll()
          .where('id', '=', groupId)
          .$call(lockedRow(engine))
          .executeTakeFirst();
        if (group?.chat_mode !== 'distribute') return [];
        const turn = await memberTurn(trx, group, online);
        const changed: string[] = [];
        const give = async (
          conversation: Pick<
            ConversationRow,
            'id' | 'assignee_id' | 'assignee_name' | 'enquiry_started_at'
          >,
          to: string,
        ) => {
          const overdue = conversation.assignee_id !== null;
          const result = await trx
            .updateTable('conversations')
            .set({
              assignee_id: to,
              assignee_name: turn.name(to),
              assigned_at: now,
              queued_at: null,
              answer_due_at:
                conversation.enquiry_started_at !== null && group.chat_answer_seconds > 0
                  ? now + group.chat_answer_seconds * 1000
                  : null,
              ...(overdue
                ? {
                    transfer_reason: 'timeout' as const,
                    transfer_from_name: conversation.assignee_name,
                    transfer_note: null,
                    transferred_at: now,
                  }
                : {}),
            })
            .where('id', '=', conversation.id)
            .where('status', '=', 'open')
            .where('receiver_kind', '=', 'group')
            .where('receiver_id', '=', groupId)
            .where((eb) =>
              overdue
                ? eb.and([
                    eb('assignee_id', '=', conversation.assignee_id),
                    eb('answer_due_at', '<=', now),
                  ])
                : eb('assignee_id', 'is', null),
            )
            .executeTakeFirst();
          if (result.numUpdatedRows === 0n) return;
          turn.took(to, conversation.assignee_id);
          changed.push(conversation.id);
        };
        const ofGroup = trx
          .selectFrom('conversations')
          .select(['id', 'assignee_id', 'assignee_name', 'enquiry_started_at'])
          .where('receiver_kind', '=', 'group')
          .where('receiver_id', '=', groupId)
          .where('status', '=', 'open');
        const overdue = await ofGroup
          .where('assignee_id', 'is not', null)
          .where('answer_due_at', '<=', now)
          .orderBy('answer_due_at')
          .limit(TURN_LIMIT)
          .execute();
        for (const conversation of overdue) {
          const to = turn.next(conversation.assignee_id);
          if (to !== undefined) await give(conversation, to);
        }
        const queued = await ofGroup
          .where('assignee_id', 'is', null)
          .orderBy('queued_at')
          .orderBy('started_at')
          .limit(TURN_LIMIT)
          .execute();
        for (const conversation of queued) {
          const to = turn.next(null);
          if (to === undefined) break;
          await give(conversation, to);
        }
        if (turn.last !== group.chat_last_assignee_id) {
          await trx
            .updateTable('groups')
            .set({ chat_last_assignee_id: turn.last })
            .where('id', '=', groupId)
            .execute();
        }
        return changed;
      });
    },

    async queues(accountId) {
      const rows = await db
        .selectFrom('groups as g')
        .leftJoin('conversations as c', (join) =>
          join
            .onRef('c.receiver_id', '=', 'g.id')
            .on('c.receiver_kind', '=', 'group')
            .on('c.status', '=', 'open')
            .on('c.assignee_id', 'is', null),
        )
        .select((eb) => [
          'g.id',
          'g.name',
          eb.fn.count<number | string | bigint>('c.id').as('length'),
          eb.fn.min<number | string | null>('c.queued_at').as('oldest'),
        ])
        .where('g.account_id', '=', accountId)
        .where('g.chat_mode', '=', 'distribute')
        .groupBy(['g.id', 'g.name'])
        .orderBy('g.name')
        .execute();
      return rows.map((row) => ({
        groupId: row.id,
        name: row.name,
        length: Number(row.length),
        oldestQueuedAt: row.oldest === null ? null : Number(row.oldest),
      }));
    },
  };
}

/**
 * The group's members in turn: the next one after whoever got the last conversation who is
 * online, a user still, and below the limit by what they hold (open conversations of any
 * receiver, read once per turn and counted as the turn gives).
 */
async function memberTurn(trx: Kysely<Tables>, group: GroupRow, online: ReadonlySet<string>) {
  const members = await trx
    .selectFrom('group_members as gm')
    .innerJoin('users as u', 'u.id', 'gm.user_id')
    .select(['u.id', 'u.name'])
    .where('gm.group_id', '=', group.id)
    .where('u.role', 'in', ['operator', 'admin'])
    .orderBy('gm.position')
    .execute();
  const ids = members.map((member) => member.id);
  const names = new Map(members.map((member) => [member.id, member.name]));
  const held = new Map<string, number>();
  if (ids.length > 0) {
    const loads = await trx
      .selectFrom('conversations')
      .select((eb) => ['assignee_id', eb.fn.countAll<number | string | bigint>().as('held')])
      .where('status', '=', 'open')
      .where('assignee_id', 'in', ids)
      .groupBy('assignee_id')
      .execute();
    for (const load of loads) if (load.assignee_id) held.set(load.assignee_id, Number(load.held));
  }
  let last = group.chat_last_assignee_id;
  return {
    get last() {
      return last;
    },
    name: (id: string) => names.get(id) ?? '',
    /** The next member who can take one, never `except` (the holder it moves from). */
    next(except: string | null): string | undefined {
      const start = last === null ? 0 : ids.indexOf(last) + 1;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[(start + i) % ids.length] as string;
        if (id !== except && online.has(id) && (held.get(id) ?? 0) < group.chat_limit) return id;
      }
      return undefined;
    },
    took(id: string, from: string | null) {
      held.set(id, (held.get(id) ?? 0) + 1);
      if (from !== null) held.set(from, (held.get(from) ?? 1) - 1);
      last = id;
    },
  };
}
