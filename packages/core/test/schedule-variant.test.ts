import { defaultSettings, toPublicConfig } from '@frontdesk/config';
import { scheduleVariant, type WidgetHost } from '@frontdesk/core';
import { calendarDays } from '@frontdesk/schedule';
import { afterEach, describe, expect, it, vi } from 'vitest';

const settings = defaultSettings('callback', { timeZone: 'Europe/Moscow' });
const config = toPublicConfig(
  { key: 'k', type: 'callback', name: 'C', settings, sipLine: null },
  calendarDays('ru', '2026-03-04', 60),
  { now: new Date('2026-03-04T07:00:00Z') },
);
const host = (preview?: 'working' | 'non-working'): WidgetHost => ({
  key: 'k',
  config,
  consent: false,
  api: '/v1/',
  emit() {},
  report() {},
  ...(preview ? { preview } : {}),
});

afterEach(() => vi.useRealTimers());

describe('scheduleVariant', () => {
  it('follows the schedule at the moment of asking', () => {
    const { variant } = scheduleVariant(host(), config);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-04T07:00:00Z')); // Wednesday 10:00 in Moscow
    expect(variant()).toBe('working');
    vi.setSystemTime(new Date('2026-03-04T19:00:00Z')); // 22:00
    expect(variant()).toBe('non-working');
  });

  it('shows the preview’s variant whatever the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-04T07:00:00Z'));
    expect(scheduleVariant(host('non-working'), config).variant()).toBe('non-working');
  });
});
