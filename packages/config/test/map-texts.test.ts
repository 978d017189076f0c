import {
  type CallbackSettings,
  type ChatSettings,
  defaultSettings,
  mapTexts,
  WidgetSettingsSchema,
} from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

/** The dotted paths of the texts `mapTexts` finds in `value`, with their required flag. */
function found(value: unknown): string[] {
  const seen: string[] = [];
  mapTexts(WidgetSettingsSchema, value, (text, path, required) => {
    seen.push(`${path.join('.')}${required ? '!' : ''}`);
    return text;
  });
  return seen;
}

describe('mapTexts', () => {
  it('finds every text of a callback widget, through its variant by type', () => {
    const s = defaultSettings('callback') as CallbackSettings;
    expect(found({ ...s, consent: { required: true, text: { ru: 'Да' } } })).toEqual([
      'consent.text',
      'appearance.working.title!',
      'appearance.working.text',
      'appearance.working.buttonText!',
      'appearance.nonWorking.title!',
      'appearance.nonWorking.text',
      'appearance.nobody.title!',
      'appearance.nobody.text',
      'appearance.nobody.buttonText!',
      'appearance.leadGenerator.title!',
      'appearance.leadGenerator.text',
    ]);
  });

  it('finds texts in lists, and skips what is absent', () => {
    const s = defaultSettings('chat') as ChatSettings;
    const reply = { text: { ru: 'Ответим' }, delaySeconds: 0, when: 'working' as const };
    const chat = {
      ...s,
      channels: { ...s.channels, site: { ...s.channels.site, autoReplies: [reply, reply] } },
    };
    expect(found(chat).filter((p) => p.startsWith('channels'))).toEqual([
      'channels.site.autoReplies.0.text!',
      'channels.site.autoReplies.1.text!',
    ]);
  });

  it('replaces what the visit returns, sharing everything it leaves', () => {
    const s = defaultSettings('call');
    const upper = mapTexts(WidgetSettingsSchema, s, (text) =>
      Object.fromEntries(
        Object.entries(text as Record<string, string>).map(([k, t]) => [k, t.toUpperCase()]),
      ),
    );
    expect(upper.appearance.working.buttonText).toEqual({ ru: 'ПОЗВОНИТЬ', en: 'CALL US' });
    expect(upper.schedule).toBe(s.schedule);
    expect(s.appearance.working.buttonText.en).toBe('Call us');
    expect(mapTexts(WidgetSettingsSchema, s, (text) => text)).toBe(s);
  });

  it('walks values that are not valid without throwing', () => {
    expect(found({ type: 'call', appearance: 'none' })).toEqual([]);
    expect(found({ type: 'chat', channels: { site: { autoReplies: 'x' } } })).toEqual([]);
    expect(found(null)).toEqual([]);
  });
});
