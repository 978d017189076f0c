import { type CallbackSettings, type ChatSettings, defaultSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { activeChannels, formatOf } from '../src/widget-summary';

describe('widget summary', () => {
  it("tells what the site shows: the callback's label, else a button or the site's links", () => {
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(formatOf(callback)).toBe('Button or link');
    expect(
      formatOf({ ...callback, appearance: { ...callback.appearance, callFormat: 'label' } }),
    ).toBe('Label');
    expect(formatOf(defaultSettings('chat'))).toBe('Button or link');
    expect(formatOf(defaultSettings('call'))).toBe('Button or link');
  });

  it('lists the channels that are on', () => {
    expect(activeChannels(defaultSettings('call'))).toEqual(['Browser call']);
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(
      activeChannels({ ...callback, leadGenerator: { ...callback.leadGenerator, enabled: true } }),
    ).toEqual(['Callback', 'Lead generator']);
    const chat = defaultSettings('chat') as ChatSettings;
    expect(activeChannels(chat)).toEqual(['Site chat']);
    expect(
      activeChannels({
        ...chat,
        channels: {
          ...chat.channels,
          telegram: { enabled: true, receiver: null, botToken: 't', botName: 'b' },
          vk: { enabled: false, receiver: null, groupId: 'g' },
        },
      }),
    ).toEqual(['Site chat', 'Telegram']);
  });
});
