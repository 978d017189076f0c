import { isHandoffUrl, MESSENGERS, openHandoff } from '@frontdesk/chat';
import { PlatformError } from '@frontdesk/core';
import { describe, expect, it, vi } from 'vitest';

describe('messenger hand-off', () => {
  it('opens the link the platform gives, in a new tab without a hold on the page', async () => {
    const open = vi.fn();
    const handoff = vi.fn(async () => 'https://t.me/frontdesk_bot?start=ctx123');
    await openHandoff('telegram', handoff, open);
    expect(handoff).toHaveBeenCalledWith('telegram');
    expect(open).toHaveBeenCalledWith(
      'https://t.me/frontdesk_bot?start=ctx123',
      '_blank',
      'noopener,noreferrer',
    );
  });

  it('accepts each messenger only in its own link format', () => {
    expect(isHandoffUrl('telegram', 'https://t.me/bot?start=t')).toBe(true);
    expect(isHandoffUrl('viber', 'viber://pa?chatURI=shop&context=t')).toBe(true);
    expect(isHandoffUrl('vk', 'https://vk.me/shop?ref=t')).toBe(true);
    expect(isHandoffUrl('facebook', 'https://m.me/shop?ref=t')).toBe(true);
    expect(isHandoffUrl('telegram', 'https://m.me/shop?ref=t')).toBe(false);
    expect(isHandoffUrl('vk', 'javascript:alert(1)')).toBe(false);
    expect(isHandoffUrl('telegram', 'https://t.me.evil.test/x')).toBe(false);
    expect(isHandoffUrl('telegram', 'https://t.me/x y')).toBe(false);
    expect(isHandoffUrl('telegram', undefined)).toBe(false);
  });

  it("takes each messenger's links on the config's link base instead of its own, and only there", () => {
    const base = 'http://127.0.0.1:8070';
    expect(isHandoffUrl('telegram', `${base}/telegram/shop_bot?start=t`, base)).toBe(true);
    expect(isHandoffUrl('viber', `${base}/viber/shop?context=t`, base)).toBe(true);
    expect(isHandoffUrl('facebook', `${base}/facebook/shop.page?ref=t`, base)).toBe(true);
    expect(isHandoffUrl('telegram', 'https://t.me/shop_bot?start=t', base)).toBe(false);
    expect(isHandoffUrl('viber', 'viber://pa?chatURI=shop&context=t', base)).toBe(false);
    expect(isHandoffUrl('telegram', `${base}/telegramx/shop_bot`, base)).toBe(false);
    expect(isHandoffUrl('telegram', `${base}/telegram/shop_bot?start=t`)).toBe(false);
    expect(isHandoffUrl('vk', `${base}/telegram/shop?ref=t`, base)).toBe(false);
  });

  it('opens nothing for a link of another kind, and says so', async () => {
    const open = vi.fn();
    const error = await openHandoff('vk', async () => 'javascript:alert(1)', open).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlatformError);
    expect(open).not.toHaveBeenCalled();
  });

  it('lists the four messengers by their brand names', () => {
    expect(MESSENGERS.map(([channel]) => channel)).toEqual(['telegram', 'viber', 'vk', 'facebook']);
  });
});
