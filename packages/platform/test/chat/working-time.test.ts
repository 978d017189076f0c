import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { isWorking } from '../../src/chat/working-time';

describe('isWorking', () => {
  // The chat's default: Mon–Fri 09:00–18:00 in Moscow, with the Russian public holidays.
  const settings = defaultSettings('chat', { timeZone: 'Europe/Moscow' }) as ChatSettings;

  it("follows the widget's schedule in its own zone", () => {
    expect(isWorking(settings, new Date('2026-03-04T07:00:00Z'))).toBe(true); // Wed 10:00 MSK
    expect(isWorking(settings, new Date('2026-03-04T05:59:00Z'))).toBe(false); // Wed 08:59 MSK
    expect(isWorking(settings, new Date('2026-03-07T09:00:00Z'))).toBe(false); // Saturday
  });

  it('honours the production calendar', () => {
    // Wednesday 7 January 2026, 12:00 MSK: the New Year holidays.
    expect(isWorking(settings, new Date('2026-01-07T09:00:00Z'))).toBe(false);
  });
});
