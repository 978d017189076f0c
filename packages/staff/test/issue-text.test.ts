/** The settings' validation messages (config's, English) in the Studio's language. */
import {
  type CallbackSettings,
  type ChatSettings,
  defaultSettings,
  parseSettings,
} from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { issueText } from '../src/issue-text';

/** A callback widget's settings with many fields wrong at once. */
function broken(): unknown {
  const settings = defaultSettings('callback') as CallbackSettings;
  return {
    ...settings,
    allowedOrigins: ['not a site', 'https://ok.example'],
    appearance: { ...settings.appearance, primaryColor: 'red', title: { ru: 'x'.repeat(500) } },
    schedule: { ...settings.schedule, timeZone: '', exceptions: [{ date: '31.12.2026' }] },
    mode: { kind: 'manual', emails: [], smsNumbers: [] },
    leadGenerator: { ...settings.leadGenerator, enabled: true },
  };
}

/** A chat widget's settings with every messenger's fields wrong. */
function brokenChannels(): unknown {
  const settings = defaultSettings('chat') as ChatSettings;
  const bad = { enabled: true, receiver: null };
  return {
    ...settings,
    channels: {
      ...settings.channels,
      telegram: { ...bad, botToken: 'nope', botName: '1 bot' },
      viber: { ...bad, botToken: 'no', botName: 'Shop', uri: 'chat uri' },
      vk: { ...bad, groupId: 'club 1', accessToken: 'short' },
      facebook: { ...bad, pageId: 'my page', pageToken: 'short' },
    },
  };
}

/** Every issue of `settings` said in Russian. */
function russianIssues(settings: unknown): { message: string; said: string }[] {
  const parsed = parseSettings(settings);
  expect(parsed.ok).toBe(false);
  return (parsed.ok ? [] : parsed.issues).map(({ message }) => ({
    message,
    said: issueText('ru', message),
  }));
}

describe('issueText', () => {
  it('keeps config’s English in English', () => {
    expect(issueText('en', 'must be a time "HH:MM"')).toBe('must be a time "HH:MM"');
  });

  it('says config’s messages in Russian, their numbers and examples kept', () => {
    expect(issueText('ru', 'must be at most 80 characters')).toBe(
      'должно быть не длиннее 80 символов',
    );
    expect(issueText('ru', 'must be at most 21 characters')).toBe(
      'должно быть не длиннее 21 символа',
    );
    expect(issueText('ru', 'must have at most 20 origins')).toBe('должно быть не больше 20 сайтов');
    expect(issueText('ru', 'must be "left" or "right"')).toBe(
      'должно быть одним из: «left», «right»',
    );
    expect(issueText('ru', 'must be a whole number from 5 to 120')).toBe(
      'должно быть целым числом от 5 до 120',
    );
    expect(
      issueText('ru', 'must be a Telegram bot token, null to clear it, or left out to keep it'),
    ).toBe(
      'должно быть токеном бота Telegram, null — чтобы стереть, или отсутствовать — чтобы оставить',
    );
  });

  it.each([
    ['must not be empty', 'не должно быть пустым'],
    ['must be text', 'должно быть текстом'],
    ['must be a number', 'должно быть числом'],
    ['must be a whole number', 'должно быть целым числом'],
    ['must be whole seconds', 'должно быть целым числом секунд'],
    ['must be true or false', 'должно быть «да» или «нет»'],
    ['must be a URL', 'должно быть адресом (URL)'],
    ['must be a colour "#rrggbb"', 'должно быть цветом вида «#rrggbb»'],
    ['must be a date "YYYY-MM-DD"', 'должно быть датой вида «ГГГГ-ММ-ДД»'],
    ['must be a time "HH:MM"', 'должно быть временем вида «ЧЧ:ММ»'],
    ['must be an IANA time zone', 'должно быть часовым поясом IANA, например Europe/Moscow'],
    ['must be an e-mail address', 'должно быть адресом эл. почты'],
    [
      'must be an e-mail address like ann@shop.example',
      'должно быть адресом эл. почты, например ann@shop.example',
    ],
    [
      'must be a phone number in international format, like +74951234567',
      'должно быть номером в международном формате, например +74951234567',
    ],
    ['must be a text per language, like { ru: … }', 'должно быть текстом для каждого языка'],
    ['must name the main language', 'должно называть основной язык'],
    ['must not contain NUL characters', 'не должно содержать символов NUL'],
    ['must not contain lone UTF-16 surrogates', 'не должно содержать одиночных суррогатов UTF-16'],
    ['must be a list of sites', 'должно быть списком'],
    ['must be an object keyed by weekday', 'должно задавать каждый день недели'],
    ['must be at most 86400 (a day)', 'должно быть не больше 86400 (сутки)'],
    ['must be at most 5', 'должно быть не больше 5'],
    ['must be at least 2', 'должно быть не меньше 2'],
    ['must be 0 or more', 'должно быть не меньше 0'],
    ['must be 1', 'должно быть равно 1'],
    ['must have at most 3 widgets', 'должно быть не больше 3'],
    ['must have at most 1 breaks', 'должно быть не больше 1 перерыва'],
    ['must be one of ru, en', 'должно быть одним из: ru, en'],
    ['must be off, short or work', 'должно быть одним из: «off», «short», «work»'],
    [
      'must be a SIP password, null to clear it, or left out to keep it',
      'должно быть секретом, null — чтобы стереть, или отсутствовать — чтобы оставить',
    ],
    [
      'the lead generator works only in automatic mode',
      'генератор лидов работает только в автоматическом режиме',
    ],
    [
      'choose at least one trigger, or turn the lead generator off',
      'выберите хотя бы один триггер или выключите генератор лидов',
    ],
    [
      'give at least one e-mail address or SMS number to notify',
      'укажите хотя бы один адрес эл. почты или номер для SMS-уведомлений',
    ],
  ])('says “%s” in Russian', (message, russian) => {
    expect(issueText('ru', message)).toBe(russian);
  });

  it.each([
    ['a badly broken callback widget', broken, 4],
    ['a chat whose every messenger is filled in wrong', brokenChannels, 7],
  ])('says every issue of %s in Russian, none left in English', (_, settings, atLeast) => {
    const issues = russianIssues(settings());
    expect(issues.length).toBeGreaterThan(atLeast);
    for (const { message, said } of issues) {
      expect(said, message).not.toBe('значение не подходит');
      expect(said, message).toMatch(/\p{Script=Cyrillic}/u);
    }
  });

  it('names what a messenger’s field must be', () => {
    expect(issueText('ru', 'must be a VK community id or short name')).toBe(
      'должно быть номером или коротким адресом сообщества ВКонтакте',
    );
  });

  it('says what it does not know without English, and leaves Russian as it is', () => {
    expect(issueText('ru', 'must be a prime number')).toBe('значение не подходит');
    expect(issueText('ru', 'Проверьте поле.')).toBe('Проверьте поле.');
  });
});
