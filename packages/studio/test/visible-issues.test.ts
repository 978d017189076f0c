/** Which issues show: after a field is left, or all of them after a save was tried. */
import { describe, expect, it } from 'vitest';
import { visibleIssues } from '../src/visible-issues';

const issue = (path: string) => ({ path, message: `bad ${path}` });
const issues = [
  issue('channels.telegram.botToken'),
  issue('allowedOrigins[1]'),
  issue('schedule.week.mon'),
  issue('schedule.week.tue.from'),
];
const shown = (left: string[], saveTried = false) =>
  visibleIssues(issues, new Set(left), saveTried).map((i) => i.path);

describe('visibleIssues', () => {
  it('shows nothing before any field was left', () => {
    expect(shown([])).toEqual([]);
  });

  it('shows the issues of a field left, of its list items, and of the groups it is in', () => {
    expect(shown(['channels.telegram.botToken'])).toEqual(['channels.telegram.botToken']);
    expect(shown(['allowedOrigins'])).toEqual(['allowedOrigins[1]']);
    expect(shown(['schedule.week.mon.from'])).toEqual(['schedule.week.mon']);
  });

  it('keeps the issues of the fields inside a switch to themselves', () => {
    // Leaving "Connect Telegram" shows nothing of the token field it brought.
    expect(shown(['channels.telegram'])).toEqual([]);
    expect(shown(['schedule.week.tue'])).toEqual([]);
  });

  it('shows everything once a save was tried', () => {
    expect(shown([], true)).toEqual(issues.map((i) => i.path));
  });
});
