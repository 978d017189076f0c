import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isForeignKeyViolation } from '../storage/constraint-violation';
import { nextSeq } from '../storage/insertion-order';
import { assertStorableText } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { GroupRow, Tables } from '../storage/tables';
import type { Group, GroupChatRules } from './account-records';

/**
 * The operator groups of {@link createStore}. Members keep the order they were given in (the
 * console rings them in that order); a repeated id counts once, at its first place.
 */
export function groupsRepository(db: Kysely<Tables>, now: () => number): Store['groups'] {
  const get = async (id: string) => {
    const row = await db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toGroup(row, await memberIdsOf(db, [id]));
  };

  return {
    async create({ accountId, name, memberIds, chatRules = DEFAULT_CHAT_RULES }) {
      assertStorableText('name', name);
      const row: Omit<GroupRow, 'seq'> = {
        id: randomUUID(),
        account_id: accountId,
        name,
        created_at: now(),
        ...rulesRow(chatRules),
        chat_last_assignee_id: null,
      };
      const members = [...new Set(memberIds)];
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('groups')
            .values({ ...row, seq: nextSeq('groups') })
            .execute();
          await setMembers(trx, row, members);
        });
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new StoreError('not_found', 'accountId', 'no such account');
        }
        throw error;
      }
      return toGroup(row, new Map([[row.id, members]]));
    },

    get,

    async list(accountId) {
      const rows = await db
        .selectFrom('groups')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('seq')
        .execute();
      const members = await memberIdsOf(
        db,
        rows.map((row) => row.id),
      );
      return rows.map((row) => toGroup(row, members));
    },

    async update(id, patch) {
      if (patch.name !== undefined) assertStorableText('name', patch.name);
      const { memberIds } = patch;
      const found = await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('groups')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return false;
        if (patch.name !== undefined || patch.chatRules !== undefined) {
          await trx
            .updateTable('groups')
            .set({
              ...(patch.name !== undefined ? { name: patch.name } : {}),
              ...(patch.chatRules ? rulesRow(patch.chatRules) : {}),
            })
            .where('id', '=', id)
            .execute();
        }
        if (patch.chatRules && patch.chatRules.mode !== row.chat_mode) {
          // What nobody holds joins the queue (as waiting since it started), or leaves it.
          await trx
            .updateTable('conversations')
            .set((eb) => ({
              queued_at:
                patch.chatRules?.mode === 'distribute' ? eb.ref('started_at') : eb.val(null),
            }))
            .where('receiver_kind', '=', 'group')
            .where('receiver_id', '=', id)
            .where('status', '=', 'open')
            .where('assignee_id', 'is', null)
            .execute();
        }
        if (memberIds !== undefined) {
          await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
          await setMembers(trx, row, [...new Set(memberIds)]);
        }
        return true;
      });
      return found ? get(id) : undefined;
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
        const result = await trx.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
        return result.numDeletedRows > 0n;
      });
    },
  };
}

/**
 * Inserts the members of a group that has none, in order.
 * @throws {StoreError} `not_found` when an id is not a user of the group's account.
 */
async function setMembers(db: Kysely<Tables>, group: Omit<GroupRow, 'seq'>, memberIds: string[]) {
  if (memberIds.length === 0) return;
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', group.account_id)
    .where('id', 'in', memberIds)
    .execute();
  const known = new Set(users.map((user) => user.id));
  const unknown = memberIds.find((memberId) => !known.has(memberId));
  if (unknown !== undefined) {
    throw new StoreError('not_found', 'memberIds', `no user ${unknown} in this account`);
  }
  await db
    .insertInto('group_members')
    .values(
      memberIds.map((userId, position) => ({ group_id: group.id, user_id: userId, position })),
    )
    .execute();
}

/** Group id → member ids in order, for the given groups. */
async function memberIdsOf(db: Kysely<Tables>, groupIds: string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  if (groupIds.length === 0) return members;
  const rows = await db
    .selectFrom('group_members')
    .select(['group_id', 'user_id'])
    .where('group_id', 'in', groupIds)
    .orderBy('group_id')
    .orderBy('position')
    .execute();
  for (const row of rows) {
    const list = members.get(row.group_id);
    if (list) list.push(row.user_id);
    else members.set(row.group_id, [row.user_id]);
  }
  return members;
}

function toGroup(row: Omit<GroupRow, 'seq'>, members: Map<string, string[]>): Group {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    memberIds: members.get(row.id) ?? [],
    chatRules: {
      mode: row.chat_mode,
      limit: row.chat_limit,
      answerSeconds: row.chat_answer_seconds,
    },
    createdAt: row.created_at,
  };
}

/** A new group's rules: today's behaviour (everyone sees it, the first to reply takes it). */
export const DEFAULT_CHAT_RULES: GroupChatRules = { mode: 'everyone', limit: 3, answerSeconds: 0 };

function rulesRow(rules: GroupChatRules) {
  return {
    chat_mode: rules.mode,
    chat_limit: rules.limit,
    chat_answer_seconds: rules.answerSeconds,
  };
}
