import { type ChatSettings, defaultSettings, parseSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { NO_TRIGGERS, patched } from './helpers';

const chat = (changes: Record<string, unknown>) => patched(defaultSettings('chat'), changes);

const paths = (input: unknown) => {
  const result = parseSettings(input);
  return result.ok ? [] : result.issues.map((i) => i.path);
};

const channels: ChatSettings['channels'] = {
  site: {
    receiver: { kind: 'employee', id: 'u-1' },
    nonWorkingEmail: 'night@shop.example',
    showOperatorName: true,
    showOperatorPhoto: false,
    rating: true,
    autoReplies: [
      { text: { ru: 'Оператор скоро ответит' }, delaySeconds: 60, when: 'working' },
      {
        text: { ru: 'Мы ответим утром', en: 'We will answer in the morning' },
        delaySeconds: 0,
        when: 'nonWorking',
      },
    ],
  },
  telegram: {
    enabled: true,
    receiver: { kind: 'group', id: 'sales' },
    botToken: '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw',
    botName: 'shop_help_bot',
  },
  viber: {
    enabled: false,
    receiver: null,
    botToken: '4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f',
    botName: 'Магазин «Ромашка»',
    uri: 'romashka.shop',
  },
  vk: { enabled: true, receiver: null, groupId: 'club123456' },
  facebook: { enabled: true, receiver: null, pageId: 'romashka.shop' },
  callback: {
    enabled: true,
    mode: { kind: 'manual', emails: ['calls@shop.example'], smsNumbers: [] },
  },
  leadGeneration: {
    enabled: true,
    triggers: {
      timeOnPage: { enabled: true, seconds: 45 },
      scrollDepth: { enabled: false, percent: 50 },
      pagesViewed: { enabled: false, count: 3 },
      exitIntent: { enabled: true },
      inactivity: { enabled: false, seconds: 60 },
    },
    repeatAfterHours: 48,
    skipIfPhoneLeft: true,
    handler: { kind: 'group', id: 'sales' },
    notifyEmails: ['leads@shop.example'],
    notifyPhones: ['+77011234567'],
    companyNumber: '+74951234567',
  },
};

describe('chat settings', () => {
  it('accepts every channel connected', () => {
    expect(paths(chat({ channels }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string?]>([
    ['an empty auto-reply', { 'site.autoReplies[0].text.ru': '' }],
    ['a long auto-reply', { 'site.autoReplies[1].text.en': 'x'.repeat(1001) }],
    ['a delay over a day', { 'site.autoReplies[0].delaySeconds': 86_401 }],
    ['a negative delay', { 'site.autoReplies[0].delaySeconds': -1 }],
    ['an unknown auto-reply time', { 'site.autoReplies[1].when': 'always' }],
    ['a bad non-working e-mail', { 'site.nonWorkingEmail': 'night' }],
    ['a malformed Telegram token', { 'telegram.botToken': 'not-a-token' }],
    ['a Telegram bot name with a slash', { 'telegram.botName': 'bot/../x' }],
    ['a Viber URI that could leave its link', { 'viber.uri': 'x&chatURI=evil' }],
    ['a VK group with a path', { 'vk.groupId': 'club1/wall' }],
    ['an empty Facebook page', { 'facebook.pageId': '' }],
    ['a callback channel in manual mode with nobody to notify', { 'callback.mode.emails': [] }],
    ['lead generation with no trigger', { 'leadGeneration.triggers': NO_TRIGGERS }],
    ['a bad company number', { 'leadGeneration.companyNumber': '+0' }],
    [
      'a bad lead notification phone',
      { 'leadGeneration.notifyPhones': ['123'] },
      'leadGeneration.notifyPhones[0]',
    ],
    ['a channel of the wrong type', { vk: true }],
  ])('puts %s at its field', (_, changes, path = Object.keys(changes)[0]) => {
    expect(paths(chat({ channels: patched(channels, changes) }))).toEqual([`channels.${path}`]);
  });

  it('takes per-day breaks as the chat lunch', () => {
    const input = chat({
      'schedule.week.mon.breaks': [{ from: '13:00', to: '14:00' }],
      'channels.site.receiver': { kind: 'group', id: 'sales' },
    });
    expect(paths(input)).toEqual([]);
  });

  it('takes a dark theme, refuses an unknown one', () => {
    expect(paths(chat({ 'appearance.theme': 'dark' }))).toEqual([]);
    expect(paths(chat({ 'appearance.theme': 'blue' }))).toEqual(['appearance.theme']);
  });
});
