import { type CallbackSettings, defaultSettings, toPublicConfig } from '@frontdesk/config';
import { calendarDays } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';
import { previewConfig } from '../src/preview-config';

const now = new Date('2026-03-04T09:00:00Z');
const callback = defaultSettings('callback', { timeZone: 'Europe/Moscow' }) as CallbackSettings;

describe('previewConfig', () => {
  it('is the public config the platform would send, with 60 days of calendar', () => {
    const config = previewConfig(callback, 'preview', 'working', now);
    expect(config).toEqual(
      toPublicConfig(
        { key: 'preview', type: 'callback', name: 'preview', settings: callback, sipLine: null },
        calendarDays('ru', '2026-03-04', 60),
        { now },
      ),
    );
  });

  it("shows the lead generator's title and text as the working ones for the lead look", () => {
    const config = previewConfig(callback, 'preview', 'lead', now);
    expect(config.type === 'callback' && config.appearance.working).toEqual({
      ...callback.appearance.working,
      ...callback.appearance.leadGenerator,
    });
    expect(previewConfig(callback, 'preview', 'non-working', now)).toEqual(
      previewConfig(callback, 'preview', 'working', now),
    );
  });
});
