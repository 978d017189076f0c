/**
 * The demo shop's messengers: a Telegram bot, a Viber bot, a VK community and a Facebook page of
 * the messenger sandbox, so the shop's chat (`demo-chat`) offers all four hand-offs. Their
 * tokens are as public as the demo password — they open nothing but the sandbox, which
 * `npm start` fills with these same bots (scripts/start.mjs, through its control API) each time
 * it starts, its memory being empty. Never for a platform that reaches the real messengers.
 */
import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../storage/store';

/** The demo's bots, as the sandbox makes them and the demo chat's channels name them. */
export const DEMO_MESSENGERS = {
  telegram: {
    username: 'frontdesk_demo_bot',
    firstName: 'Frontdesk Shop',
    token: '7000000001:AAdemoShopSandboxOnlyTokenNotAReal1',
  },
  viber: { name: 'Frontdesk Shop', uri: 'frontdesk_demo', token: 'demo-shop-sandbox-viber-token' },
  vk: {
    name: 'Frontdesk Shop',
    screenName: 'frontdesk_demo',
    token: 'vk1.a.demo-shop-sandbox-only-community-token',
  },
  facebook: {
    id: '109000000000001',
    name: 'Frontdesk Shop',
    username: 'frontdesk.demo',
    token: 'EAAGdemoShopSandboxOnlyPageToken',
  },
} as const;

/**
 * Connects the demo account's chat (`demo-chat`) to {@link DEMO_MESSENGERS} unless it has a
 * messenger already (an admin's own choice stays); whether it did. Telegram by long polling and
 * VK by Bots Long Poll, as the platform needs no public address for those; Viber and Facebook by
 * their webhooks at the platform's WEBHOOK_URL.
 */
export async function seedDemoMessengers(
  store: Store,
  input: { accountId: string; now: number },
): Promise<boolean> {
  const widget = await store.widgets.byKey('demo-chat');
  if (widget?.accountId !== input.accountId || widget.settings.type !== 'chat') return false;
  const settings = widget.settings as ChatSettings;
  const { telegram, viber, vk, facebook } = settings.channels;
  if (telegram || viber || vk || facebook) return false;
  const bots = DEMO_MESSENGERS;
  await store.widgets.update(widget.id, {
    settings: {
      ...settings,
      channels: {
        ...settings.channels,
        telegram: {
          enabled: true,
          receiver: null,
          botToken: bots.telegram.token,
          botName: bots.telegram.username,
          mode: 'polling',
        },
        viber: {
          enabled: true,
          receiver: null,
          botToken: bots.viber.token,
          botName: bots.viber.name,
          uri: bots.viber.uri,
        },
        vk: {
          enabled: true,
          receiver: null,
          groupId: bots.vk.screenName,
          accessToken: bots.vk.token,
          mode: 'longpoll',
        },
        facebook: {
          enabled: true,
          receiver: null,
          pageId: bots.facebook.id,
          pageToken: bots.facebook.token,
        },
      },
    },
    now: input.now,
  });
  return true;
}
