import type { Store } from '../../../storage/store';
import { type BotEntry, channelBots } from '../channel-bots';
import { viberCredential } from './viber-api';

/** The Viber bots (public accounts) whose callbacks the platform reads (channel-bots.ts). */
export function viberBots(store: Store): Promise<Map<string, BotEntry>> {
  return channelBots(store, 'viber', viberCredential, (bot) => bot);
}
