import { describe, expect, it } from 'vitest';
import { holdsOrCanTake, titleWith, unreadCount } from '../src/attention';
import { summary } from './chat-fixtures';

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

  it('puts the count in front of the title while anything waits', () => {
    expect(titleWith('Frontdesk console', 3)).toBe('(3) Frontdesk console');
    expect(titleWith('Frontdesk console', 0)).toBe('Frontdesk console');
  });
});
