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
    const { working, leadGenerator } = callback.appearance;
    // A widget speaking Russian only: its Russian texts.
    expect(config.type === 'callback' && config.appearance.working).toEqual({
      title: { ru: leadGenerator.title.ru },
      text: { ru: leadGenerator.text.ru },
      buttonText: { ru: working.buttonText.ru },
    });
    expect(previewConfig(callback, 'preview', 'non-working', now)).toEqual(
      previewConfig(callback, 'preview', 'working', now),
    );
  });

  it('speaks the language the marketer edits, whatever the widget’s setting', () => {
    const config = previewConfig(callback, 'preview', 'working', now, 'en');
    expect(config.languages).toEqual(['en']);
    expect(config.appearance.working.title).toEqual({ en: callback.appearance.working.title.en });
    // Texts still missing in that language show as missing, not in another language.
    const lacking = {
      ...callback,
      appearance: {
        ...callback.appearance,
        working: { ...callback.appearance.working, text: { ru: 'Только по-русски' } },
      },
    };
    const preview = previewConfig(lacking, 'preview', 'working', now, 'en');
    expect(preview.appearance.working.text).toEqual({});
  });
});
