import { describe, expect, it } from 'vitest';
import { isTimeZone, localTime } from '../../src/http/visitor-time';

describe('visitor time', () => {
  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it("writes a zone's wall clock with its offset, across DST and at offset zero", () => {
    const at = Date.parse('2026-03-04T07:00:00Z');
    expect(localTime('Asia/Yekaterinburg', at)).toBe('2026-03-04T12:00:00+05:00');
    expect(localTime('America/New_York', at)).toBe('2026-03-04T02:00:00-05:00');
    expect(localTime('America/New_York', Date.parse('2026-07-01T12:00:00Z'))).toBe(
      '2026-07-01T08:00:00-04:00',
    );
    expect(localTime('UTC', at)).toBe('2026-03-04T07:00:00+00:00');
    expect(localTime('Asia/Kolkata', at)).toBe('2026-03-04T12:30:00+05:30');
  });
});
