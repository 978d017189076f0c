import {
  defaultSettings,
  NOBODY_TEXTS,
  parseSettings,
  type SettingsIssue,
  type WidgetType,
} from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { patched, REMOVE } from './helpers';

/** The issues of `input`, or [] when it is valid. */
function issues(input: unknown): SettingsIssue[] {
  const result = parseSettings(input);
  return result.ok ? [] : result.issues;
}

const paths = (input: unknown) => issues(input).map((i) => i.path);

describe('parseSettings', () => {
  it('returns the value when valid', () => {
    const settings = defaultSettings('call');
    expect(parseSettings(settings)).toEqual({ ok: true, value: settings });
  });

  it('refuses what is not settings at all, at the root', () => {
    for (const input of [null, undefined, 'settings', 42]) {
      expect(paths(input)).toEqual(['']);
    }
    expect(issues(null)).toEqual([{ path: '', message: 'settings must be an object' }]);
  });

  it('names the type when it is missing or unknown', () => {
    expect(issues({})).toEqual([{ path: 'type', message: 'must be "call", "callback" or "chat"' }]);
    expect(paths({ ...defaultSettings('call'), type: 'sms' })).toEqual(['type']);
  });

  it.each<[string, WidgetType, Record<string, unknown>, string]>([
    ['a wrong type', 'call', { dialPad: 'yes' }, 'dialPad'],
    ['a missing field', 'call', { appearance: REMOVE }, 'appearance'],
    ['a bad colour', 'call', { 'appearance.primaryColor': 'red' }, 'appearance.primaryColor'],
    [
      'a short colour',
      'callback',
      { 'appearance.secondaryColor': '#fff' },
      'appearance.secondaryColor',
    ],
    [
      'a colour with CSS after it',
      'chat',
      { 'appearance.buttonColor': '#1aaf5d;x:y' },
      'appearance.buttonColor',
    ],
    [
      'a bad origin',
      'call',
      { allowedOrigins: ['https://a.example', 'http://localhost:*', 'https://b.example/path'] },
      'allowedOrigins[2]',
    ],
    ['origins not a list', 'chat', { allowedOrigins: 'https://a.example' }, 'allowedOrigins'],
    ['an unknown locale', 'call', { locale: 'de' }, 'locale'],
    ['consent not a boolean', 'chat', { 'consent.required': 1 }, 'consent.required'],
    ['an unknown shape', 'call', { 'appearance.shape': 'figured' }, 'appearance.shape'],
    [
      'an empty title',
      'callback',
      { 'appearance.working.title.ru': '  ' },
      'appearance.working.title.ru',
    ],
    [
      'an empty button text',
      'chat',
      { 'appearance.working.buttonText.ru': '' },
      'appearance.working.buttonText.ru',
    ],
    [
      'a long button text',
      'call',
      { 'appearance.working.buttonText.ru': 'x'.repeat(61) },
      'appearance.working.buttonText.ru',
    ],
    [
      'a long text',
      'call',
      { 'appearance.nonWorking.text.ru': 'я'.repeat(501) },
      'appearance.nonWorking.text.ru',
    ],
    [
      'NUL in a title',
      'call',
      { 'appearance.working.title.ru': 'Call\0us' },
      'appearance.working.title.ru',
    ],
    [
      'NUL in a non-working text',
      'chat',
      { 'appearance.nonWorking.text.ru': '\0' },
      'appearance.nonWorking.text.ru',
    ],
    [
      'a lone surrogate in a title',
      'callback',
      { 'appearance.nonWorking.title.ru': 'Closed \uD83D' },
      'appearance.nonWorking.title.ru',
    ],
    [
      'a lone surrogate in the consent text',
      'chat',
      { 'consent.text': { ru: '\uDE00I agree' } },
      'consent.text.ru',
    ],
    [
      'a lone surrogate in a receiver id',
      'call',
      { forwarding: { kind: 'group', id: 'sales\uDBFF' } },
      'forwarding.id',
    ],
    [
      'an unknown receiver kind',
      'call',
      { forwarding: { kind: 'queue', id: 'q1' } },
      'forwarding.kind',
    ],
    ['a schedule error', 'call', { 'schedule.week.mon.to': '08:00' }, 'schedule.week.mon.to'],
    [
      'an empty "nobody available" title',
      'chat',
      { 'appearance.nobody.title.ru': ' ' },
      'appearance.nobody.title.ru',
    ],
    [
      'a long "nobody available" button text',
      'call',
      { 'appearance.nobody.buttonText.ru': 'x'.repeat(61) },
      'appearance.nobody.buttonText.ru',
    ],
    [
      'NUL in a "nobody available" text',
      'callback',
      { 'appearance.nobody.text.ru': '\0' },
      'appearance.nobody.text.ru',
    ],
  ])('puts %s at its field', (_, type, changes, path) => {
    expect(paths(patched(defaultSettings(type), changes))).toEqual([path]);
  });

  it('reports every problem at once, for inline errors', () => {
    const input = patched(defaultSettings('call'), {
      'appearance.primaryColor': 'blue',
      'appearance.working.title.ru': '',
      allowedOrigins: ['nope'],
      'schedule.timeZone': 'Nowhere/Land',
    });
    expect(paths(input).sort()).toEqual([
      'allowedOrigins[0]',
      'appearance.primaryColor',
      'appearance.working.title.ru',
      'schedule.timeZone',
    ]);
  });

  it('strips unknown keys at every level (forward compatibility)', () => {
    const input = patched(defaultSettings('call'), {
      futureFeature: { on: true },
      'appearance.gradient': true,
      'appearance.working.subtitle': 'x',
      'appearance.working.title.de': 'Rufen Sie uns an',
      'schedule.note': 'x',
    });
    expect(parseSettings(input)).toEqual({ ok: true, value: defaultSettings('call') });
  });

  it('keeps valid strings byte for byte: no trimming, no normalisation', () => {
    const title = '  e\u0301 <b>"Звоните"</b> 👩‍👩‍👧‍👦 مرحبا \n';
    const result = parseSettings(
      patched(defaultSettings('call'), { 'appearance.working.title.ru': title }),
    );
    expect(result.ok && result.value.appearance.working.title.ru).toBe(title);
  });

  it.each<WidgetType>(['call', 'callback', 'chat'])(
    'gives %s settings stored before the "nobody available" texts the built-in ones',
    (type) => {
      const result = parseSettings(patched(defaultSettings(type), { 'appearance.nobody': REMOVE }));
      expect(result).toEqual({ ok: true, value: defaultSettings(type) });
      expect(result.ok && result.value.appearance.nobody).toEqual(NOBODY_TEXTS[type]);
    },
  );

  it('drops schedule exceptions with empty dates', () => {
    const result = parseSettings(
      patched(defaultSettings('chat'), {
        'schedule.exceptions': [{ date: '' }, { date: '2026-12-31', closed: true }, { date: ' ' }],
      }),
    );
    expect(result.ok && result.value.schedule.exceptions).toEqual([
      { date: '2026-12-31', closed: true },
    ]);
  });
});
