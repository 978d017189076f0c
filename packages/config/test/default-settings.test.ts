import {
  DEFAULT_CHAT_COLOR,
  DEFAULT_CHAT_LUNCH,
  defaultSettings,
  languagesOf,
  parseSettings,
  type WidgetType,
} from '@frontdesk/config';
import { templates } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

const TYPES: WidgetType[] = ['call', 'callback', 'chat'];

describe('defaultSettings', () => {
  it.each(TYPES)('gives valid %s settings, exactly as the schema returns them', (type) => {
    const settings = defaultSettings(type);
    expect(settings.type).toBe(type);
    const result = parseSettings(settings);
    expect(result).toEqual({ ok: true, value: settings });
    // Same key order too, so stored JSON and ETags do not change on a re-save.
    expect(result.ok && JSON.stringify(result.value)).toBe(JSON.stringify(settings));
  });

  it.each(TYPES)('is valid for %s in other zones too', (type) => {
    for (const timeZone of ['Asia/Almaty', 'UTC', 'America/St_Johns']) {
      const settings = defaultSettings(type, { timeZone });
      expect(settings.schedule.timeZone).toBe(timeZone);
      expect(parseSettings(settings).ok).toBe(true);
    }
  });

  it('falls back to Europe/Moscow without a zone or with one the runtime does not know', () => {
    expect(defaultSettings('call').schedule.timeZone).toBe('Europe/Moscow');
    expect(defaultSettings('call', { timeZone: 'Etc/Unknown' }).schedule.timeZone).toBe(
      'Europe/Moscow',
    );
  });

  it('gives call and callback the standard week, no lunch, the Russian calendar', () => {
    for (const type of ['call', 'callback'] as const) {
      const { schedule } = defaultSettings(type);
      expect(schedule).toMatchObject({
        country: 'ru',
        lunch: null,
        holidays: true,
        exceptions: [],
      });
      expect(schedule.week).toEqual({ ...templates.standard, sat: null, sun: null });
    }
  });

  it('gives the chat Mon–Fri 09:00–18:00 with holidays on and no breaks', () => {
    const { schedule } = defaultSettings('chat');
    const office = { from: '09:00', to: '18:00' };
    expect(schedule.week).toEqual({
      mon: office,
      tue: office,
      wed: office,
      thu: office,
      fri: office,
      sat: null,
      sun: null,
    });
    expect(schedule.holidays).toBe(true);
    expect(schedule.lunch).toBeNull();
    expect(DEFAULT_CHAT_LUNCH).toEqual({ from: '13:00', to: '14:00' });
  });

  it('starts open to no foreign site, consent off, brand shown, in Russian', () => {
    for (const type of TYPES) {
      const s = defaultSettings(type);
      expect(s.allowedOrigins).toEqual([]);
      expect(s.consent).toEqual({ required: false });
      expect(s.appearance.hideBrand).toBe(false);
      expect(s.locale).toBe('ru');
      expect(s.mainLocale).toBe('ru');
    }
    const callback = defaultSettings('callback');
    expect(callback.type === 'callback' && callback.appearance.working.title).toEqual({
      ru: 'Перезвоним за 30 секунд',
      en: 'We will call you back in 30 seconds',
    });
  });

  it.each(TYPES)('writes every %s text in both languages, so "auto" offers both', (type) => {
    expect(languagesOf({ ...defaultSettings(type), locale: 'auto' })).toEqual(['ru', 'en']);
  });

  it('starts the callback in automatic mode, its lead generator off but ready', () => {
    const s = defaultSettings('callback');
    if (s.type !== 'callback') throw new Error('expected callback settings');
    expect(s.mode.kind).toBe('automatic');
    expect(s.leadGenerator.enabled).toBe(false);
    expect(parseSettings({ ...s, leadGenerator: { ...s.leadGenerator, enabled: true } }).ok).toBe(
      true,
    );
  });

  it('gives the chat its green button and only the site channel', () => {
    const s = defaultSettings('chat');
    if (s.type !== 'chat') throw new Error('expected chat settings');
    expect(s.appearance.buttonColor).toBe(DEFAULT_CHAT_COLOR);
    expect(s.channels.telegram).toBeNull();
    expect(s.channels.site.autoReplies).toEqual([]);
  });

  it('returns a fresh object every time (callers edit it)', () => {
    const a = defaultSettings('call');
    a.schedule.week.mon = null;
    expect(defaultSettings('call').schedule.week.mon).toEqual({ from: '09:00', to: '18:00' });
    expect(templates.standard.mon).toEqual({ from: '09:00', to: '18:00' });
  });

  it('refuses an unknown type', () => {
    expect(() => defaultSettings('sms' as WidgetType)).toThrow(TypeError);
  });
});
