import { describe, expect, it } from 'vitest';
import { isTimeZone, localDate, offsetAt, wallToInstant } from '../src/time-zone';

const wall = (iso: string) => Date.parse(`${iso}Z`);

describe('time zone arithmetic', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads offsets, including +05:45', () => {
    expect(offsetAt('Asia/Kathmandu', Date.parse('2026-06-01T00:00:00Z'))).toBe(
      (5 * 60 + 45) * 60_000,
    );
    expect(offsetAt('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe(-5 * 3_600_000);
    expect(offsetAt('America/New_York', Date.parse('2026-07-15T12:00:00Z'))).toBe(-4 * 3_600_000);
  });

  it('gives the local date of an instant', () => {
    expect(localDate('Pacific/Kiritimati', Date.parse('2026-03-04T10:00:00Z'))).toBe('2026-03-05');
    expect(localDate('Pacific/Pago_Pago', Date.parse('2026-03-04T10:00:00Z'))).toBe('2026-03-03');
  });

  it('maps an ordinary wall time to its one instant', () => {
    expect(wallToInstant('Europe/Moscow', wall('2026-03-04T09:00:00'))).toBe(
      Date.parse('2026-03-04T06:00:00Z'),
    );
  });

  it('maps a skipped wall time forward by the gap (New York, 2026-03-08 02:30 → 03:30 EDT)', () => {
    expect(wallToInstant('America/New_York', wall('2026-03-08T02:30:00'))).toBe(
      Date.parse('2026-03-08T07:30:00Z'),
    );
  });

  it('maps a repeated wall time to the earlier instant (Berlin, 2026-10-25 02:30 CEST)', () => {
    expect(wallToInstant('Europe/Berlin', wall('2026-10-25T02:30:00'))).toBe(
      Date.parse('2026-10-25T00:30:00Z'),
    );
    expect(wallToInstant('Europe/Berlin', wall('2026-10-25T03:00:00'))).toBe(
      Date.parse('2026-10-25T02:00:00Z'),
    );
  });

  it('handles a midnight that does not exist (America/Santiago, 2026-09-06)', () => {
    // Chile moves its clocks from 00:00 to 01:00: the day starts at 01:00 local.
    expect(wallToInstant('America/Santiago', wall('2026-09-06T00:00:00'))).toBe(
      Date.parse('2026-09-06T04:00:00Z'),
    );
  });
});
