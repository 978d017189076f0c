import type { Messenger } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { MessengerApis } from '../channel-adapters';
import { telegramFetcher } from '../telegram/telegram-files';
import type { AttachmentFetcher } from './attachment-types';
import { urlFetcher } from './download';

/**
 * The fetcher of each messenger whose customers send files: Telegram through getFile; Viber's,
 * VK's (a photo size's or a document's `url`) and Facebook's attachments are URLs in the
 * message itself. (A new channel adds its own here, as its content mapping adds the
 * attachments.)
 */
export function attachmentFetchers(
  store: Store,
  apis: MessengerApis,
): Partial<Record<Messenger, AttachmentFetcher>> {
  return {
    telegram: telegramFetcher(store, apis.telegramApiUrl),
    viber: urlFetcher('Viber', 'viber', apis.viberApiUrl),
    vk: urlFetcher('VK', 'vk', apis.vkApiUrl),
    facebook: urlFetcher('Facebook', 'facebook', apis.facebookGraphUrl),
  };
}
