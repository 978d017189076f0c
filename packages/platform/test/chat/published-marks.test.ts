/** Published marks: one statement at a time, the ids that come in meanwhile in the next one. */
import { describe, expect, it } from 'vitest';
import { MARKS_PER_STATEMENT, publishedMarks } from '../../src/chat/published-marks';

/** A statement runner the test finishes by hand, and what each statement was given. */
function statements() {
  const given: string[][] = [];
  const finish: ((error?: Error) => void)[] = [];
  const markAll = (ids: string[]) => {
    given.push([...ids]);
    return new Promise<void>((resolve, reject) => {
      finish.push((error) => (error ? reject(error) : resolve()));
    });
  };
  return { given, finish, markAll };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('publishedMarks', () => {
  it('gathers the ids that come in while a statement runs into the next one', async () => {
    const { given, finish, markAll } = statements();
    const { mark } = publishedMarks(markAll);
    const first = mark('a');
    await settle();
    expect(given).toEqual([['a']]);
    const later = [mark('b'), mark('c'), mark('d')];
    await settle();
    expect(given).toHaveLength(1);
    finish[0]?.();
    await first;
    await settle();
    expect(given).toEqual([['a'], ['b', 'c', 'd']]);
    finish[1]?.();
    await Promise.all(later);
  });

  it(`puts at most ${MARKS_PER_STATEMENT} ids in one statement`, async () => {
    const { given, finish, markAll } = statements();
    const { mark } = publishedMarks(markAll);
    void mark('running');
    await settle();
    const ids = Array.from({ length: MARKS_PER_STATEMENT + 1 }, (_, i) => `m${i}`);
    const waiting = ids.map(mark);
    for (let i = 0; i < 3; i++) {
      finish[i]?.();
      await settle();
    }
    await Promise.all(waiting);
    expect(given.slice(1)).toEqual([ids.slice(0, MARKS_PER_STATEMENT), ids.slice(-1)]);
  });

  it('fails the waiters of a failed statement, and the next one still runs', async () => {
    const { given, finish, markAll } = statements();
    const { mark } = publishedMarks(markAll);
    const failed = mark('a');
    await settle();
    const next = mark('b');
    finish[0]?.(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    await settle();
    expect(given).toEqual([['a'], ['b']]);
    finish[1]?.();
    await next;
  });

  it('says which marks are still being written, until their statement is done either way', async () => {
    const { finish, markAll } = statements();
    const marks = publishedMarks(markAll);
    const first = marks.mark('a');
    const second = marks.mark('b');
    expect(marks.pending('a')).toBe(first);
    expect(marks.pending('b')).toBe(second);
    expect(marks.pending('c')).toBeUndefined();
    await settle();
    finish[0]?.();
    await first;
    expect(marks.pending('a')).toBeUndefined();
    const failed = marks.mark('c');
    await settle();
    finish[1]?.(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    // Not written: a later resend tells everyone again and marks it anew.
    expect(marks.pending('c')).toBeUndefined();
  });
});
