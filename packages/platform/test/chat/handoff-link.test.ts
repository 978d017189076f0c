import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { handoffLink } from '../../src/chat/handoff-link';
import { randomToken } from '../../src/chat/random-token';

const channels: ChatSettings['channels'] = {
  ...(defaultSettings('chat') as ChatSettings).channels,
  telegram: { enabled: true, receiver: null, botToken: `1:${'a'.repeat(20)}`, botName: 'shop_bot' },
  viber: {
    enabled: true,
    receiver: null,
    botToken: 'b'.repeat(16),
    botName: 'Shop',
    uri: 'shop.bot',
  },
  vk: { enabled: true, receiver: null, groupId: 'club123' },
  facebook: { enabled: true, receiver: null, pageId: 'shop.page' },
};

describe('handoffLink', () => {
  it("makes each messenger's deep link with the token as its context", () => {
    expect(handoffLink(channels, 'telegram', 'T0k-en_1')).toBe(
      'https://t.me/shop_bot?start=T0k-en_1',
    );
    expect(handoffLink(channels, 'viber', 'T0k-en_1')).toBe(
      'viber://pa?chatURI=shop.bot&context=T0k-en_1',
    );
    expect(handoffLink(channels, 'vk', 'T0k-en_1')).toBe('https://vk.me/club123?ref=T0k-en_1');
    expect(handoffLink(channels, 'facebook', 'T0k-en_1')).toBe(
      'https://m.me/shop.page?ref=T0k-en_1',
    );
  });

  it("builds every messenger's link on MESSENGER_LINK_BASE when it is set, as the sandbox serves them", () => {
    const base = 'http://127.0.0.1:8070';
    expect(handoffLink(channels, 'telegram', 'T0k', base)).toBe(
      'http://127.0.0.1:8070/telegram/shop_bot?start=T0k',
    );
    expect(handoffLink(channels, 'viber', 'T0k', base)).toBe(
      'http://127.0.0.1:8070/viber/shop.bot?context=T0k',
    );
    expect(handoffLink(channels, 'vk', 'T0k', base)).toBe(
      'http://127.0.0.1:8070/vk/club123?ref=T0k',
    );
    expect(handoffLink(channels, 'facebook', 'T0k', base)).toBe(
      'http://127.0.0.1:8070/facebook/shop.page?ref=T0k',
    );
  });

  it('makes none for a messenger that is not connected or not enabled', () => {
    const off = {
      ...channels,
      telegram: null,
      vk: { ...channels.vk, enabled: false },
    } as ChatSettings['channels'];
    expect(handoffLink(off, 'telegram', 'x')).toBeUndefined();
    expect(handoffLink(off, 'vk', 'x')).toBeUndefined();
  });

  it('uses tokens that fit a Telegram start payload', () => {
    const tokens = new Set(Array.from({ length: 100 }, randomToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
