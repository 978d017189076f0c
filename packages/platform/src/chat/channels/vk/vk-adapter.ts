/**
 * VK's side of the replies: messages.send to the user (text split at 4,096 characters), each part
 * with a `random_id` derived from our message id and the part's number — VK drops a repeat, so a
 * reply sent again after a crash or a lost answer reaches the user once — and
 * messages.setActivity for typing. VK's errors become outcomes: 6 (too many requests per second)
 * and 9 (flood control) wait and try again, not counted as failures; 1 and 10 (VK's own trouble)
 * and no answer at all are tried again with back-off; 901 (the user does not allow the
 * community's messages), 5 (the token no longer works: the Studio's status shows it too, from
 * the poller) and any other refusal are final, with VK's words. The rating's question carries
 * its marks as an inline keyboard whose buttons' payloads name them.
 */
import { createHash } from 'node:crypto';
import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { AttemptResult, ChannelAdapter } from '../channel-adapter';
import { botToken } from '../channel-bots';
import { ratingData } from '../rating-data';
import { RATINGS, ratingTexts } from '../rating-texts';
import { callVk, ownGroup, VK_ERROR, type VkApi, VkError, vkCredential } from './vk-api';

const SEND_TIMEOUT_MS = 30_000;

/** The most text one message holds. */
export const MAX_VK_TEXT = 4096;

/** How long to wait after error 6: VK allows a few requests a second. */
export const VK_TOO_MANY_WAIT_MS = 1_000;

/** How long to wait after error 9 (flood control): VK names no time. */
export const VK_FLOOD_WAIT_MS = 30_000;

/**
 * The `random_id` of part `part` of our message `messageId`: a non-zero int32 from its digest,
 * the same every time it is sent.
 */
export function vkRandomId(messageId: string, part: number): number {
  const value = createHash('sha256').update(`${messageId}:${part}`).digest().readInt32BE(0);
  return value === 0 ? 1 : value;
}

/** `text` in messages of at most {@link MAX_VK_TEXT} characters (pairs never split). */
export function splitVkText(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > MAX_VK_TEXT) {
    let cut = MAX_VK_TEXT;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

/**
 * Community ids for messages.setActivity, by API base and token's credential: asked once per
 * token in this process — an adapter is made for each typing signal (channel-typing.ts), and
 * groups.getById shares the community's rate limit with the replies.
 */
const groups = new Map<string, number>();

/** VK's adapter over VK_API_URL. */
export function vkAdapter(store: Store, apiUrl: string): ChannelAdapter {
  const communityOf = async (widgetId: string) => {
    const widget = await store.widgets.get(widgetId);
    const token = widget && widget.deletedAt === null && (await botToken(store, widget, 'vk'));
    const settings = widget?.settings;
    if (!token || settings?.type !== 'chat' || !settings.channels.vk) return undefined;
    return { api: { apiUrl, token } satisfies VkApi, settings };
  };
  return {
    async send(delivery): Promise<AttemptResult> {
      const community = await communityOf(delivery.widgetId);
      if (!community) return { status: 'failed', error: 'This chat has no VK community any more.' };
      const parts = splitVkText(delivery.text);
      let sent = '';
      try {
        for (const [i, text] of parts.entries()) {
          const last = i === parts.length - 1;
          const id = await callVk(
            community.api,
            'messages.send',
            {
              peer_id: delivery.externalId,
              random_id: vkRandomId(delivery.messageId, i),
              message: text,
              ...(last && delivery.keyboard === 'rating'
                ? { keyboard: ratingKeyboard(delivery.conversationId, community.settings) }
                : {}),
            },
            { timeoutMs: SEND_TIMEOUT_MS },
          );
          sent = String(id);
        }
        return { status: 'sent', externalId: sent };
      } catch (error) {
        if (!(error instanceof VkError))
          return { status: 'retry', error: (error as Error).message };
        if (error.code === VK_ERROR.tooManyRequests) {
          return { status: 'retry', error: error.message, retryAfterMs: VK_TOO_MANY_WAIT_MS };
        }
        if (error.code === VK_ERROR.floodControl) {
          return { status: 'retry', error: error.message, retryAfterMs: VK_FLOOD_WAIT_MS };
        }
        if (error.code === VK_ERROR.unknown || error.code === VK_ERROR.internal) {
          return { status: 'retry', error: error.message };
        }
        return { status: 'failed', error: error.message };
      }
    },

    async typing(peer) {
      const community = await communityOf(peer.widgetId);
      if (!community) return;
      const options = { timeoutMs: SEND_TIMEOUT_MS };
      const key = `${apiUrl} ${vkCredential(community.api.token)}`;
      let groupId = groups.get(key);
      if (groupId === undefined) {
        groupId = (await ownGroup(community.api, options)).id;
        groups.set(key, groupId);
      }
      await callVk(
        community.api,
        'messages.setActivity',
        { peer_id: peer.externalId, type: 'typing', group_id: groupId },
        options,
      );
    },
  };
}

/** The rating's marks under the question: an inline keyboard, a button a row. */
function ratingKeyboard(conversationId: string, settings: ChatSettings): string {
  const { marks } = ratingTexts(settings);
  return JSON.stringify({
    inline: true,
    buttons: RATINGS.map((rating) => [
      {
        action: {
          type: 'text',
          label: marks[rating].slice(0, 40),
          payload: JSON.stringify({ rate: ratingData(conversationId, rating) }),
        },
        color: 'secondary',
      },
    ]),
  });
}
