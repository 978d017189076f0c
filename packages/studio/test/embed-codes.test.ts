import { type CallbackSettings, defaultSettings } from '@frontdesk/config';
import { openAttribute, snippet } from '@frontdesk/loader';
import { describe, expect, it } from 'vitest';
import { embedCodes, testWidgetUrl } from '../src/embed-codes';
import { studioTexts } from '../src/i18n/studio-texts';

const base = 'https://frontdesk.example';
const titles = studioTexts.en.embed.codes;

describe('embedCodes', () => {
  it('offers the button and link codes of snippet() for the popup format', () => {
    for (const type of ['call', 'callback', 'chat'] as const) {
      expect(embedCodes(base, 'w1', defaultSettings(type), titles)).toEqual([
        {
          format: 'button',
          title: 'Button code',
          code: snippet({ baseUrl: base, widget: 'w1', format: 'button' }),
        },
        {
          format: 'link',
          title: 'Link code',
          code: snippet({ baseUrl: base, widget: 'w1', format: 'link' }),
          attribute: openAttribute('w1'),
        },
      ]);
    }
  });

  it('offers the label code of snippet() for a label-format callback widget', () => {
    const settings = defaultSettings('callback') as CallbackSettings;
    const label = {
      ...settings,
      appearance: { ...settings.appearance, callFormat: 'label' as const },
    };
    expect(embedCodes(base, 'w1', label, titles)).toEqual([
      {
        format: 'label',
        title: 'Label code',
        code: snippet({ baseUrl: base, widget: 'w1', format: 'label' }),
      },
    ]);
  });

  it('links the platform test page', () => {
    expect(testWidgetUrl(base, 'w1')).toBe('https://frontdesk.example/test/w1');
  });
});
