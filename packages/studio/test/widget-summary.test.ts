import { type CallbackSettings, type ChatSettings, defaultSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { studioTexts } from '../src/i18n/studio-texts';
import { activeChannels, formatOf } from '../src/widget-summary';

const t = studioTexts.en.list;

describe('widget summary', () => {
  it("tells what the site shows: the callback's label, else a button or the site's links", () => {
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(formatOf(callback, t)).toBe('Button or link');
    expect(
      formatOf({ ...callback, appearance: { ...callback.appearance, callFormat: 'label' } }, t),
    ).toBe('Label');
    expect(formatOf(defaultSettings('chat'), t)).toBe('Button or link');
    expect(formatOf(defaultSettings('call'), t)).toBe('Button or link');
  });

  it('lists the channels that are on', () => {
    expect(activeChannels(defaultSettings('call'), t)).toEqual(['Browser call']);
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(
      activeChannels(
        { ...callback, leadGenerator: { ...callback.leadGenerator, enabled: true } },
        t,
      ),
    ).toEqual(['Callback', 'Lead generator']);
    const chat = defaultSettings('chat') as ChatSettings;
    expect(activeChannels(chat, t)).toEqual(['Site chat']);
    expect(
      activeChannels(
        {
          ...chat,
          channels: {
            ...chat.channels,
            telegram: { enabled: true, receiver: null, botToken: 't', botName: 'b' },
            vk: { enabled: false, receiver: null, groupId: 'g' },
          },
        },
        t,
      ),
    ).toEqual(['Site chat', 'Telegram']);
  });

  it('says it in Russian, in the source’s words', () => {
    const ru = studioTexts.ru.list;
    const callback = defaultSettings('callback') as CallbackSettings;
    expect(
      formatOf({ ...callback, appearance: { ...callback.appearance, callFormat: 'label' } }, ru),
    ).toBe('Ярлык');
    expect(activeChannels(defaultSettings('chat'), ru)).toEqual(['Чат на сайте']);
  });
});
