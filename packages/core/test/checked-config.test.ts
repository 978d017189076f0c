import {
  defaultSettings,
  type PublicCallConfig,
  PublicCallConfigSchema,
  toPublicConfig,
} from '@frontdesk/config';
import { checkedConfig } from '@frontdesk/core';
import { calendarDays } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';
import { testHost } from './support/widget-host';

const config = toPublicConfig(
  {
    key: 'k',
    type: 'call',
    name: 'Call',
    settings: defaultSettings('call', { timeZone: 'Europe/Moscow' }),
    sipLine: null,
  },
  calendarDays('ru', '2026-03-04', 60),
  { now: new Date('2026-03-04T07:00:00Z') },
) as PublicCallConfig;

describe('checkedConfig', () => {
  it('validates the whole config with the type’s schema and gives its schedule', () => {
    const checked = checkedConfig<'call'>(
      testHost('k', { ...config, unknownKey: 1 }, { preview: 'non-working' }),
      PublicCallConfigSchema,
    );
    // Unknown keys are dropped; the Studio's preview forces the variant.
    expect(checked.config).toEqual(config);
    expect(checked.variant()).toBe('non-working');
    expect(typeof checked.schedule).toBe('object');
  });

  it('throws the config error naming a bad field the launcher does not read', () => {
    expect(() =>
      checkedConfig<'call'>(testHost('k', { ...config, dialPad: 'yes' }), PublicCallConfigSchema),
    ).toThrow('widget "k": config field "dialPad" must be true or false');
  });
});
