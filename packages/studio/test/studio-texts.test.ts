import { describe, expect, it } from 'vitest';
import { brokenTexts, keyDifference } from '../../staff/test/support/catalogue-keys';
import { studioTexts } from '../src/i18n/studio-texts';

describe('the Studio catalogue', () => {
  it('has every key in Russian that it has in English, and no other', () => {
    expect(keyDifference(studioTexts.en, studioTexts.ru)).toEqual({ missing: [], extra: [] });
  });

  it('has no empty text and no hole in either language', () => {
    expect(brokenTexts(studioTexts.en)).toEqual([]);
    expect(brokenTexts(studioTexts.ru)).toEqual([]);
  });

  it('names the settings tabs and sections in the source system’s Russian terms', () => {
    const { editor, schedule, appearance, embed, chat } = studioTexts.ru;
    expect(Object.values(editor.tabs)).toEqual([
      'Настройки',
      'Внешний вид',
      'Расписание',
      'Генератор лидов',
      'Код для сайта',
    ]);
    expect([schedule.working, schedule.exceptions, schedule.lunch, schedule.timeZone]).toEqual([
      'Рабочее время',
      'Исключения',
      'Перерыв на обед',
      'Часовой пояс',
    ]);
    expect(appearance.looks['non-working']).toBe('Нерабочее время');
    expect(schedule.holidays).toBe('Учитывать государственные праздники');
    expect(Object.values(embed.codes)).toEqual(['Код кнопки', 'Код ссылки', 'Код ярлыка']);
    expect(chat.leadGeneration).toBe('Лидогенерация');
  });

  it('counts the fields to fix by Intl’s plural rules', () => {
    expect([1, 3, 5].map(studioTexts.ru.editor.notSaved)).toEqual([
      'Не сохранено: исправьте 1 поле.',
      'Не сохранено: исправьте 3 поля.',
      'Не сохранено: исправьте 5 полей.',
    ]);
    expect([1, 2].map(studioTexts.en.editor.notSaved)).toEqual([
      'Not saved: 1 field needs fixing.',
      'Not saved: 2 fields need fixing.',
    ]);
  });
});
