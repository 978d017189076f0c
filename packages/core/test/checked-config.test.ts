import { PublicCallConfigSchema } from '@frontdesk/config';
import { checkedConfig } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { callConfig as config } from './support/call-config';
import { testHost } from './support/widget-host';

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
