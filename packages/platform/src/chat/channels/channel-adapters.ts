import type { Messenger } from '@frontdesk/config';
import type { Store } from '../../storage/store';
import type { ChannelAdapter } from './channel-adapter';
import { facebookAdapter } from './facebook/facebook-adapter';
import { telegramAdapter } from './telegram/telegram-adapter';
import { viberAdapter } from './viber/viber-adapter';
import { vkAdapter } from './vk/vk-adapter';

/** The API bases of the messengers (TELEGRAM_API_URL, VIBER_API_URL, VK_API_URL, FACEBOOK_GRAPH_URL). */
export interface MessengerApis {
  telegramApiUrl: string;
  viberApiUrl: string;
  vkApiUrl: string;
  facebookGraphUrl: string;
}

/** The adapter of each messenger the platform can send through. */
export function channelAdapters(
  store: Store,
  apis: MessengerApis,
): Partial<Record<Messenger, ChannelAdapter>> {
  return {
    telegram: telegramAdapter(store, apis.telegramApiUrl),
    viber: viberAdapter(store, apis.viberApiUrl),
    vk: vkAdapter(store, apis.vkApiUrl),
    facebook: facebookAdapter(store, apis.facebookGraphUrl),
  };
}
