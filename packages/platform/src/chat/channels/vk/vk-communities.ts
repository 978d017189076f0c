import type { Store } from '../../../storage/store';
import { type BotEntry, channelBots } from '../channel-bots';
import { vkCredential } from './vk-api';

/** A community to read, the widget whose channel it is, and how its events come. */
export interface VkCommunityEntry extends BotEntry {
  mode: 'longpoll' | 'callback';
}

/** The VK communities whose messages the platform reads (channel-bots.ts), with their mode. */
export function vkCommunities(store: Store): Promise<Map<string, VkCommunityEntry>> {
  return channelBots(store, 'vk', vkCredential, (bot) => ({
    ...bot,
    mode: bot.widget.settings.channels.vk?.mode ?? 'longpoll',
  }));
}
