import {
  type CallbackSettings,
  type ChatSettings,
  defaultSettings,
  languagesOf,
  mainLocaleOf,
  parseSettings,
  upgradeSettings,
} from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

/** Settings as stored before texts had languages: every text a plain string, no main language. */
function storedBefore(locale: 'auto' | 'ru' | 'en') {
  const { mainLocale: _, ...s } = defaultSettings('chat') as ChatSettings;
  return {
    ...s,
    locale,
    consent: { required: true, text: 'Я согласен' },
    appearance: {
      ...s.appearance,
      working: { title: 'Онлайн-чат', text: '', buttonText: 'Напишите нам' },
      nonWorking: { title: 'Мы не в сети', text: 'Ответим утром', hideBrand: true },
    },
    channels: {
      ...s.channels,
      site: {
        ...s.channels.site,
        autoReplies: [{ text: 'Скоро ответим', delaySeconds: 5, when: 'working' }],
      },
    },
  };
}

describe('settings stored before texts had languages', () => {
  it('still parse: each plain string is the main language text, nothing lost', () => {
    const result = parseSettings(storedBefore('auto'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const s = result.value as ChatSettings;
    expect(s.mainLocale).toBe('ru');
    expect(s.locale).toBe('auto');
    expect(s.appearance.working).toEqual({
      title: { ru: 'Онлайн-чат' },
      text: { ru: '' },
      buttonText: { ru: 'Напишите нам' },
    });
    expect(s.appearance.nonWorking).toEqual({
      title: { ru: 'Мы не в сети' },
      text: { ru: 'Ответим утром' },
      hideBrand: true,
    });
    expect(s.consent.text).toEqual({ ru: 'Я согласен' });
    expect(s.channels.site.autoReplies[0]?.text).toEqual({ ru: 'Скоро ответим' });
    // Read again, they are the same: the upgrade is done once and for all.
    expect(parseSettings(s)).toEqual(result);
  });

  it('read a widget fixed to English as English texts', () => {
    const result = parseSettings(storedBefore('en'));
    const s = result.ok ? (result.value as ChatSettings) : undefined;
    expect(s?.mainLocale).toBe('en');
    expect(s?.appearance.working.title).toEqual({ en: 'Онлайн-чат' });
    expect(s && languagesOf(s)).toEqual(['en']);
  });

  it('offer only their main language with "auto": the other lacks every text', () => {
    const result = parseSettings(storedBefore('auto'));
    expect(result.ok && languagesOf(result.value)).toEqual(['ru']);
  });

  it('are left alone when they are not settings at all', () => {
    for (const input of [null, 'x', 42, [1]]) expect(upgradeSettings(input)).toBe(input);
    // An unknown type has no known texts: it reaches the schema as it is, for its issue.
    const sms = { type: 'sms', title: 'x' };
    expect(upgradeSettings(sms)).toBe(sms);
    // Today's settings are today's already.
    const chat = defaultSettings('chat');
    expect(upgradeSettings(chat)).toBe(chat);
  });
});

describe('the main language', () => {
  it('is a fixed locale, else mainLocale, else Russian', () => {
    expect(mainLocaleOf({ locale: 'en', mainLocale: 'ru' })).toBe('en');
    expect(mainLocaleOf({ locale: 'auto', mainLocale: 'en' })).toBe('en');
    expect(mainLocaleOf({ locale: 'auto' })).toBe('ru');
    expect(mainLocaleOf({})).toBe('ru');
  });

  it('must have every required text, each issue at its language', () => {
    const s = defaultSettings('callback') as CallbackSettings;
    const english = {
      ...s,
      locale: 'auto' as const,
      mainLocale: 'en' as const,
      appearance: {
        ...s.appearance,
        working: { ...s.appearance.working, title: { ru: 'Перезвоним' } },
        leadGenerator: { ...s.appearance.leadGenerator, title: { ru: 'Вопросы?', en: ' ' } },
        // An optional text may be missing in the main language.
        nonWorking: { ...s.appearance.nonWorking, text: { ru: 'Выберите время' } },
      },
    };
    const result = parseSettings(english);
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'appearance.working.title.en', message: 'must not be empty' },
      { path: 'appearance.leadGenerator.title.en', message: 'must not be empty' },
    ]);
    // The same texts are fine while Russian is the main language.
    expect(parseSettings({ ...english, mainLocale: 'ru' }).ok).toBe(true);
  });

  it('says one thing per field: a text the schema refuses gets no second issue', () => {
    const s = defaultSettings('call');
    const result = parseSettings({
      ...s,
      appearance: { ...s.appearance, working: { ...s.appearance.working, title: 42 } },
    });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['appearance.working.title']);
  });
});
