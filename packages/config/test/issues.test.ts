import { parseSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { issuePath, pathKeys } from '../src/issues';

describe('issue paths', () => {
  it('joins keys with dots and puts indices in brackets', () => {
    const item = (key: string | number) =>
      typeof key === 'number'
        ? ({ type: 'array', origin: 'value', input: [], key, value: null } as const)
        : ({ type: 'object', origin: 'value', input: {}, key, value: null } as const);
    expect(issuePath([item('week'), item('mon'), item('breaks'), item(0), item('to')])).toBe(
      'week.mon.breaks[0].to',
    );
    expect(issuePath([item('allowedOrigins'), item(2)])).toBe('allowedOrigins[2]');
    expect(issuePath([item(0), item('a')])).toBe('[0].a');
    expect(issuePath(undefined)).toBe('');
  });

  it('reads dotted paths back into keys', () => {
    expect(pathKeys('week.mon.breaks[10].to')).toEqual(['week', 'mon', 'breaks', 10, 'to']);
    expect(pathKeys('exceptions[1].date')).toEqual(['exceptions', 1, 'date']);
    expect(pathKeys('')).toEqual([]);
  });

  it('gives one issue per field, the most basic first', () => {
    const result = parseSettings({ type: 'call', allowedOrigins: 5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(result.issues.find((i) => i.path === 'allowedOrigins')?.message).toBe(
      'must be a list of origins',
    );
  });
});
