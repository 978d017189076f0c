import { describe, expect, it } from 'vitest';
import { cameToMe, holdsOrCanTake, titleWith, unreadCount } from '../src/attention';
import { message, summary } from './chat-fixtures';

const me = 'u1';
const waiting = summary({ lastSeq: 5, unanswered: 3, readByOperatorSeq: 3 });

describe('what asks for the operator', () => {
  it('counts chats nobody took and the operator’s own, not others’ or closed ones', () => {
    expect(holdsOrCanTake(waiting, me)).toBe(true);
    expect(holdsOrCanTake({ ...waiting, assignee: { id: me, name: 'Me' } }, me)).toBe(true);
    expect(holdsOrCanTake({ ...waiting, assignee: { id: 'u2', name: 'Olga' } }, me)).toBe(false);
    expect(holdsOrCanTake({ ...waiting, status: 'closed' }, me)).toBe(false);
  });

  it('counts the visitor’s messages after the read mark, at most the unanswered ones', () => {
    expect(unreadCount(waiting, me)).toBe(2);
    // What this console reported read since counts, whichever mark is higher.
    expect(unreadCount(waiting, me, 4)).toBe(1);
    expect(unreadCount(waiting, me, 5)).toBe(0);
    // An operator reply after the mark: only the visitor's messages since are unread.
    expect(unreadCount({ ...waiting, unanswered: 1 }, me)).toBe(1);
    expect(unreadCount({ ...waiting, assignee: { id: 'u2', name: 'Olga' } }, me)).toBe(0);
  });

  it('tells a chat that came to the operator from one they took by replying', () => {
    const queued = summary({ queuedAt: '2026-03-04T07:00:00Z', lastMessage: message(1) });
    const mine = { ...queued, queuedAt: null, assignee: { id: me, name: 'Me' } };
    // Given out from the queue.
    expect(cameToMe(mine, queued, me)).toBe(true);
    // Taken by their own reply.
    const replied = {
      ...mine,
      lastMessage: message(2, { author: 'operator', operator: { name: 'Me' } }),
    };
    expect(cameToMe(replied, queued, me)).toBe(false);
    // Handed over by a colleague after answering.
    const olgas = { ...replied, assignee: { id: 'u2', name: 'Olga' } };
    const handed = {
      ...replied,
      transfer: {
        reason: 'operator' as const,
        from: 'Olga',
        note: 'VIP',
        at: '2026-03-04T07:05:00Z',
      },
    };
    expect(cameToMe(handed, olgas, me)).toBe(true);
    // Someone else's now, or already mine: nothing.
    expect(cameToMe(olgas, mine, me)).toBe(false);
    expect(cameToMe(mine, mine, me)).toBe(false);
  });

  it('puts the count in front of the title while anything waits', () => {
    expect(titleWith('Frontdesk console', 3)).toBe('(3) Frontdesk console');
    expect(titleWith('Frontdesk console', 0)).toBe('Frontdesk console');
  });
});
