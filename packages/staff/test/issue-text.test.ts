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
