import type { Store } from '../../../storage/store';
import { type BotEntry, type ChatWidget, channelBots } from '../channel-bots';
import { facebookCredential } from './facebook-api';

/** A page's credential is its id, not its token. One function, so the kept pages are reused. */
const pageCredential = (_token: string, widget: ChatWidget) =>
  facebookCredential(widget.settings.channels.facebook?.pageId ?? '');

/** The Facebook pages whose events the platform reads (channel-bots.ts), by page id. */
export function facebookPages(store: Store): Promise<Map<string, BotEntry>> {
  return channelBots(store, 'facebook', pageCredential, (page) => page);
}
