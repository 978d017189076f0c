import { describe, expect, it } from 'vitest';
import { brokenTexts, keyDifference } from '../../staff/test/support/catalogue-keys';
import { consoleTexts } from '../src/i18n/console-texts';

describe('the console catalogue', () => {
  it('has every key in Russian that it has in English, and no other', () => {
    expect(keyDifference(consoleTexts.en, consoleTexts.ru)).toEqual({ missing: [], extra: [] });
  });

  it('has no empty text and no hole in either language', () => {
    expect(brokenTexts(consoleTexts.en)).toEqual([]);
    expect(brokenTexts(consoleTexts.ru)).toEqual([]);
  });

  it('counts in Russian by Intl’s plural rules', () => {
    const { search, chats, order } = consoleTexts.ru;
    expect(search.found(1, 2)).toBe('Найдено: 1 чат и 2 заказа.');
    expect(search.found(5, 21)).toBe('Найдено: 5 чатов и 21 заказ.');
    expect(search.atLeast(2)).toBe('Введите не меньше 2 символов.');
    expect(chats.waiting(1, '3 мин')).toBe('1 ждёт, дольше всех — 3 мин');
    expect(chats.waiting(4, '1 ч 5 мин')).toBe('4 ждут, дольше всех — 1 ч 5 мин');
    expect(order.notification('sms', '+7999', order.outbox.failed, 3, null)).toBe(
      'SMS на +7999: не доставлено после 3 попыток',
    );
  });

  it('counts in English too', () => {
    const { search, order } = consoleTexts.en;
    expect(search.found(2, 1)).toBe('Found 2 chats and 1 order.');
    expect(order.notification('email', 'a@b.test', 'sent', 2, 'slow')).toBe(
      'E-mail to a@b.test: sent after 2 attempts (slow)',
    );
  });
});
