import { describe, expect, it } from 'vitest';
import { UpdateQueue } from '../../src/telegram/update-queue';
import { NOW, testClock } from '../support/sandbox';

const text = (n: number) =>
  ({
    message_id: n,
    date: 0,
    chat: { id: 1, type: 'private', first_name: 'Anna' },
    from: { id: 1, is_bot: false, first_name: 'Anna' },
    text: `m${n}`,
  }) as const;

function queueOf(count: number, clock = testClock(NOW)) {
  const queue = new UpdateQueue(100, clock);
  for (let n = 1; n <= count; n++) queue.push('message', text(n));
  return queue;
}

const ids = (queue: UpdateQueue) => queue.peek(100).map((update) => update.update_id);

describe('UpdateQueue', () => {
  it('numbers updates in sequence from the first id and hands them out in order', () => {
    const queue = queueOf(3);
    expect(ids(queue)).toEqual([100, 101, 102]);
    expect(queue.peek(2).map((update) => update.message?.text)).toEqual(['m1', 'm2']);
  });

  it('forgets what an offset confirms: every update below it', () => {
    const queue = queueOf(3);
    queue.confirm(102);
    expect(ids(queue)).toEqual([102]);
    queue.confirm(500);
    expect(queue.pending).toBe(0);
  });

  it('keeps only the last -offset updates for a negative offset', () => {
    const queue = queueOf(4);
    queue.confirm(-1);
    expect(ids(queue)).toEqual([103]);
  });

  it('forgets a delivered update and none other', () => {
    const queue = queueOf(3);
    queue.delivered(101);
    expect(ids(queue)).toEqual([100, 102]);
  });

  it('keeps updates 24 hours by its clock', () => {
    const clock = testClock(NOW);
    const queue = queueOf(1, clock);
    clock.advance(12 * 3600_000);
    queue.push('message', text(2));
    clock.advance(12 * 3600_000 + 1000);
    expect(ids(queue)).toEqual([101]);
  });

  it('queues only the kinds allowed_updates names, from then on; an empty list is the default', () => {
    const queue = queueOf(1);
    queue.setAllowed(['callback_query']);
    queue.push('message', text(2));
    expect(ids(queue)).toEqual([100]);
    queue.setAllowed(undefined);
    expect(queue.allowedUpdates).toEqual(['callback_query']);
    queue.setAllowed([]);
    queue.push('message', text(3));
    expect(ids(queue)).toEqual([100, 101]);
  });

  it('leaves the opt-in kinds out by default', () => {
    const queue = new UpdateQueue(1, testClock(NOW));
    expect(
      queue.push('message_reaction', {
        chat: { id: 1, type: 'private', first_name: 'Anna' },
        message_id: 1,
        date: 0,
        old_reaction: [],
        new_reaction: [],
      }),
    ).toBeUndefined();
    expect(queue.pending).toBe(0);
  });
});
