import {
  defaultSettings,
  PublicCallbackConfigSchema,
  type PublicConfig,
  parsePublicConfig,
  parsePublicConfigOf,
  type SettingsIssue,
  toPublicConfig,
  type WidgetType,
} from '@frontdesk/config';
import { calendarDays } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';
import { NO_TRIGGERS, patched, REMOVE } from './helpers';

const now = new Date('2026-03-10T09:00:00Z');

/** The public config of a default widget of `type`, as JSON gives it to a browser. */
function received(type: WidgetType): PublicConfig {
  const settings = defaultSettings(type);
  const config = toPublicConfig(
    { key: `demo-${type}`, type, name: 'demo', settings, sipLine: null },
    calendarDays('ru', '2026-03-10', 60),
    { now },
  );
  return JSON.parse(JSON.stringify(config));
}

function issues(input: unknown): SettingsIssue[] {
  const result = parsePublicConfig(input);
  return result.ok ? [] : result.issues;
}

describe('parsePublicConfig', () => {
  it.each<WidgetType>(['call', 'callback', 'chat'])('accepts the %s config', (type) => {
    const config = received(type);
    expect(parsePublicConfig(config)).toEqual({ ok: true, value: config });
  });

  it('names the field of a wrong type', () => {
    expect(issues(patched(received('call'), { 'appearance.primaryColor': 42 }))).toEqual([
      { path: 'appearance.primaryColor', message: 'must be a colour "#rrggbb"' },
    ]);
  });

  it.each<[string, WidgetType, Record<string, unknown>, string?]>([
    ['a missing key', 'call', { key: REMOVE }],
    ['a key that could leave a URL', 'call', { key: '../admin' }],
    ['a newer version', 'chat', { v: 2 }],
    ['an unknown type', 'chat', { type: 'video' }],
    ['a flag of the wrong type', 'call', { dialPad: 'true' }],
    ['a mode that is not a kind', 'callback', { mode: { kind: 'manual' } }],
    ['a schedule the engine refuses', 'callback', { 'schedule.week.mon.to': '08:00' }],
    ['calendar days of a wrong kind', 'chat', { 'calendar.days.2026-03-10': 'holiday' }],
    ['calendar days of another country', 'chat', { 'calendar.country': 'uz' }],
    [
      'a channel link that could leave its URL',
      'chat',
      { 'channels.telegram': { bot: 'x/../y' } },
      'channels.telegram.bot',
    ],
    ['a text with NUL', 'chat', { 'appearance.working.title': 'Chat\0' }],
    ['a text with a lone surrogate', 'callback', { 'appearance.leadGenerator.text': '\uD800' }],
  ])('names the field of %s', (_, type, changes, path = Object.keys(changes)[0]) => {
    expect(issues(patched(received(type), changes)).map((i) => i.path)).toEqual([path]);
  });

  it('validates one type with its own schema alone, the country check included', () => {
    const callback = received('callback');
    expect(parsePublicConfigOf(PublicCallbackConfigSchema, callback)).toEqual({
      ok: true,
      value: callback,
    });
    const other = parsePublicConfigOf(
      PublicCallbackConfigSchema,
      patched(callback, { 'calendar.country': 'uz' }),
    );
    expect(other.ok ? [] : other.issues.map((i) => i.path)).toEqual(['calendar.country']);
    const wrongType = parsePublicConfigOf(PublicCallbackConfigSchema, received('call'));
    expect(wrongType.ok).toBe(false);
  });

  it('refuses what is not a config, at the root', () => {
    expect(issues('<html>')).toEqual([{ path: '', message: 'a public config must be an object' }]);
    expect(issues(null).map((i) => i.path)).toEqual(['']);
  });

  it('ignores keys it does not know (a newer platform may send more)', () => {
    const config = received('chat');
    const newer = patched(config, {
      experiments: { newLauncher: true },
      'appearance.animation': 'bounce',
      'channels.whatsapp': { phone: '+70000000000' },
    });
    expect(parsePublicConfig(newer)).toEqual({ ok: true, value: config });
  });

  it('accepts an optional messenger or lead generator when present', () => {
    const rules = { triggers: NO_TRIGGERS, repeatAfterHours: 1, skipIfPhoneLeft: false };
    const config = patched(received('chat'), {
      'channels.viber': { uri: 'shop.help' },
      leadGenerator: rules,
    });
    expect(parsePublicConfig(config)).toEqual({ ok: true, value: config });
  });
});
