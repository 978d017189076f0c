/**
 * The messenger sandbox's VK and a platform on one test clock (behind the TLS front, as the
 * Callback API needs), and chat widgets whose VK channel is a sandbox community: for the VK
 * channel tests.
 */
import { type ChatSettings, defaultSettings, type Receiver } from '@frontdesk/config';
import type { MessengerSandbox, VkCommunity, VkUser } from '@frontdesk/messenger-sandbox';
import type { Widget } from '@frontdesk/platform';
import { vkCredential } from '../../src/chat/channels/vk/vk-api';
import { pollerEvent } from './channels';
import type { SitePatch } from './chat';
import { chatWidget } from './chat';
import type { TestEngine } from './databases';
import { type ViberSuite, webhookSuite } from './viber';

/** What a VK test works with. */
export type VkSuite = ViberSuite;

/** Starts (and at the end stops) everything a VK test needs, on `engine`. */
export function vkSuite(engine: TestEngine): VkSuite {
  return webhookSuite(engine, (sandbox) => ({
    VK_API_URL: sandbox.vk.apiUrl,
    MESSENGER_LINK_BASE: sandbox.url,
  }));
}

let communities = 0;

/**
 * A sandbox community and a chat widget of the suite's account with it as its VK channel in
 * `mode`; resolves once the platform reads it (its long poll asked, or its callback server
 * confirmed).
 */
export async function vkWidget(
  suite: VkSuite,
  options: {
    mode?: 'longpoll' | 'callback';
    receiver?: Receiver | null;
    site?: SitePatch;
    /** Another token than the community's (one VK does not know): nothing is waited for. */
    token?: string;
  } = {},
): Promise<{ widget: Widget; community: VkCommunity; credential: string }> {
  const { t, sandbox } = suite;
  const n = ++communities;
  const community = sandbox.vk.createCommunity({ name: 'Shop', screenName: `shop_vk${n}` });
  const defaults = defaultSettings('chat') as ChatSettings;
  const token = options.token ?? community.token;
  const widget = await chatWidget(t, options.site, {
    channels: {
      ...defaults.channels,
      vk: {
        enabled: true,
        receiver: options.receiver ?? null,
        groupId: community.screenName,
        accessToken: token,
        ...(options.mode ? { mode: options.mode } : {}),
      },
    },
  });
  const credential = vkCredential(token);
  const ready =
    options.mode === 'callback'
      ? pollerEvent(
          t.platform,
          (e) => e.type === 'webhook' && e.credential === credential && e.url !== null,
        )
      : sandbox.vk.waitForEvent(
          (e) => e.type === 'long-poll' && e.community === community.screenName,
        );
  await t.platform.channels.refresh();
  if (options.token === undefined) await ready;
  else ready.catch(() => undefined);
  return { widget, community, credential };
}

let users = 0;

/** A VK user to play. */
export function vkUser(sandbox: MessengerSandbox, name = 'Anna'): VkUser {
  return sandbox.vk.user({ name: `${name} Vk${++users}` });
}
