/**
 * Distributing groups' conversations (issue 23): which member gets which is decided once, in the
 * database (distribution-store.ts), from who is online on any process; this tells the
 * operators — `chat:conversation` for each conversation that changed hands, `chat:queue` with the
 * group's queue to its members and the admins. A turn runs when a conversation of the group
 * changes (any channel's message, a close, a hand-over), when a member connects, and on every
 * workers' pass (first-answer times run out on the clock).
 */
import type { ChatQueue } from '@frontdesk/config';
import type { Server } from 'socket.io';
import type { OpsUser } from '../accounts';
import { groupRoom } from '../accounts';
import type { AppContext } from '../context';
import { answerersIn } from '../realtime/presence-lookup';
import type { GroupQueue } from './distribution-store';
import type { ChatFeed } from './feed';
import { adminsRoom } from './rooms';

/** The distribution of one platform process. */
export interface ChatDistribution {
  /** A turn of the group if it distributes, and its queue told; else nothing. */
  group(groupId: string): Promise<void>;
  /** A turn of every group with work now (the workers' pass); how many conversations moved. */
  pass(): Promise<number>;
}

/** A queue on the wire, its longest wait read at `now`. */
function wireQueue(queue: GroupQueue, now: number): ChatQueue {
  return {
    groupId: queue.groupId,
    name: queue.name,
    length: queue.length,
    longestWaitSeconds:
      queue.oldestQueuedAt === null
        ? 0
        : Math.max(0, Math.floor((now - queue.oldestQueuedAt) / 1000)),
  };
}

/** The queues `user` sees (`chat:queues`): of their groups (admins: of every distributing group). */
export async function queuesOf(
  { store, clock }: Pick<AppContext, 'store' | 'clock'>,
  user: OpsUser,
): Promise<ChatQueue[]> {
  const groups = await store.groups.list(user.accountId);
  const mine = new Set(
    groups.filter((g) => user.role === 'admin' || g.memberIds.includes(user.id)).map((g) => g.id),
  );
  const now = clock().getTime();
  return (await store.chatDistribution.queues(user.accountId))
    .filter((queue) => mine.has(queue.groupId))
    .map((queue) => wireQueue(queue, now));
}

/** The distribution over `io`'s `/ops`, telling changes through `feed`. */
export function chatDistribution(
  io: Server,
  { store, clock }: Pick<AppContext, 'store' | 'clock'>,
  feed: Pick<ChatFeed, 'conversation'>,
): ChatDistribution {
  const ops = io.of('/ops');
  const turn = async (groupId: string, accountId: string): Promise<number> => {
    const online = await answerersIn(ops, groupRoom(groupId));
    const moved = await store.chatDistribution.distribute(groupId, {
      online,
      now: clock().getTime(),
    });
    for (const id of moved) {
      const conversation = await store.conversations.get(id);
      if (conversation) await feed.conversation(conversation);
    }
    const queue = (await store.chatDistribution.queues(accountId)).find(
      (q) => q.groupId === groupId,
    );
    if (queue)
      ops
        .to([groupRoom(groupId), adminsRoom(accountId)])
        .emit('chat:queue', wireQueue(queue, clock().getTime()));
    return moved.length;
  };
  return {
    async group(groupId) {
      const group = await store.groups.get(groupId);
      if (group?.chatRules.mode === 'distribute') await turn(group.id, group.accountId);
    },
    async pass() {
      let moved = 0;
      for (const groupId of await store.chatDistribution.pending(clock().getTime())) {
        const group = await store.groups.get(groupId);
        if (group) moved += await turn(group.id, group.accountId);
      }
      return moved;
    },
  };
}
