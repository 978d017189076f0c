import type { Store } from '../../../storage/store';
import { type BotEntry, channelBots } from '../channel-bots';
import { facebookCredential } from './facebook-api';

/** The Facebook pages whose events the platform reads (channel-bots.ts), by page id. */
export function facebookPages(store: Store): Promise<Map<string, BotEntry>> {
  return channelBots(
    store,
    'facebook',
    (_token, widget) => facebookCredential(widget.settings.channels.facebook?.pageId ?? ''),
    (page) => page,
  );
}
