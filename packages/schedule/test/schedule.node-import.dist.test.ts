/** The built ESM entries import in plain Node 20, with no bundler or loader in between. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;

function runInNode(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '--eval', source], {
    cwd: packageDir,
    encoding: 'utf8',
  }).trim();
}

describe('built package in plain Node', () => {
  it('imports "@frontdesk/schedule" and answers', () => {
    const out = runInNode(`
      import { createSchedule, callbackSlots, templates, calendarCoverage } from '@frontdesk/schedule';
      const s = createSchedule({ timeZone: 'Europe/Moscow', week: templates.standard, holidays: true });
      const slots = callbackSlots(s, new Date('2026-12-30T16:00:00Z'));
      console.log(slots[0].start.toISOString(), calendarCoverage('ru').to);
    `);
    expect(out).toBe('2027-01-11T06:00:00.000Z 2027');
  });

  it('imports "@frontdesk/schedule/engine" without calendar data', () => {
    const out = runInNode(`
      import * as engine from '@frontdesk/schedule/engine';
      console.log(Object.keys(engine).sort().join(','));
    `);
    expect(out).toBe(
      'ScheduleError,callbackSlots,createSchedule,dateIn,isOpen,nextOpen,templates,workingHours',
    );
  });
});
