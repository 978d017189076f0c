import { describe, expect, it } from 'vitest';
import { getAt, pathKeys, setAt } from '../src/paths';

describe('paths', () => {
  it('splits issue paths into keys', () => {
    expect(pathKeys('schedule.week.mon.breaks[0].to')).toEqual([
      'schedule',
      'week',
      'mon',
      'breaks',
      0,
      'to',
    ]);
  });

  it('reads and immutably writes at a path, sharing the rest', () => {
    const root = { a: { b: [{ c: 1 }, { c: 2 }] }, other: { x: 1 } };
    expect(getAt(root, 'a.b[1].c')).toBe(2);
    expect(getAt(root, 'a.nope.c')).toBeUndefined();
    const changed = setAt(root, 'a.b[1].c', 3);
    expect(changed).toEqual({ a: { b: [{ c: 1 }, { c: 3 }] }, other: { x: 1 } });
    expect(root.a.b[1]?.c).toBe(2);
    expect(changed.other).toBe(root.other);
    expect(changed.a.b[0]).toBe(root.a.b[0]);
  });
});
