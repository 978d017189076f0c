/**
 * Facebook's side of the replies: the Send API (`messaging_type: RESPONSE`; text split at 2,000
 * characters) and `sender_action: typing_on`. Graph's refusals become outcomes: 4 and 613 (rate
 * limits) wait and try again, not counted as failures; outside the 24-hour window (10/2018278)
 * a page with the Human Agent permission sends again with the HUMAN_AGENT tag (up to 7 days),
 * else — like 551 (the person is not available), 190 (the token no longer works) and any other
 * refusal — the reply fails with Facebook's words; no answer is tried again with back-off. The
 * rating's question carries its marks as quick replies.
 */
import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { AttemptResult, ChannelAdapter } from '../channel-adapter';
import { botToken } from '../channel-bots';
import { ratingData } from '../rating-data';
import { RATINGS, ratingTexts } from '../rating-texts';
import { callGraph, FacebookError, type FacebookPageApi } from './facebook-api';

const SEND_TIMEOUT_MS = 30_000;

/** The most one message holds. */
const MAX_TEXT = 2000;

/** How long to wait after a rate limit: Graph names no time. */
export const FACEBOOK_RATE_LIMIT_WAIT_MS = 60_000;

/** Facebook's adapter over FACEBOOK_GRAPH_URL. */
export function facebookAdapter(store: Store, graphUrl: string): ChannelAdapter {
  const pageOf = async (widgetId: string) => {
    const widget = await store.widgets.get(widgetId);
    const token =
      widget && widget.deletedAt === null && (await botToken(store, widget, 'facebook'));
    const settings = widget?.settings;
    if (!token || settings?.type !== 'chat' || !settings.channels.facebook) return undefined;
    return { api: { graphUrl, token }, settings, channel: settings.channels.facebook };
  };
  return {
    async send(delivery): Promise<AttemptResult> {
      const page = await pageOf(delivery.widgetId);
      if (!page) return { status: 'failed', error: 'This chat has no Facebook page any more.' };
      const chunks = split(delivery.text);
      let mid = '';
      try {
        for (const [i, text] of chunks.entries()) {
          const last = i === chunks.length - 1;
          const message = {
            text,
            ...(last && delivery.keyboard === 'rating'
              ? { quick_replies: quickReplies(delivery.conversationId, page.settings) }
              : {}),
          };
          mid = await sendOne(
            page.api,
            delivery.externalId,
            message,
            page.channel.humanAgent === true,
          );
        }
        return { status: 'sent', externalId: mid };
      } catch (error) {
        if (!(error instanceof FacebookError)) {
          return { status: 'retry', error: (error as Error).message };
        }
        if (error.code === 4 || error.code === 613) {
          return {
            status: 'retry',
            error: error.message,
            retryAfterMs: FACEBOOK_RATE_LIMIT_WAIT_MS,
          };
        }
        if (error.code === 2 || error.code === 1) return { status: 'retry', error: error.message };
        if (error.code === 10 && error.subcode === 2018278) {
          return {
            status: 'failed',
            error: `Outside the 24-hour window: the customer must write first. ${error.message}`,
          };
        }
        return { status: 'failed', error: error.message };
      }
    },
    async typing(peer) {
      const page = await pageOf(peer.widgetId);
      if (!page) return;
      await callGraph(
        page.api,
        '/me/messages',
        { recipient: { id: peer.externalId }, sender_action: 'typing_on' },
        { timeoutMs: SEND_TIMEOUT_MS },
      );
    },
  };
}

/** Sends one message, tagged HUMAN_AGENT after the window when the page may; its mid. */
async function sendOne(
  api: FacebookPageApi,
  psid: string,
  message: object,
  humanAgent: boolean,
): Promise<string> {
  const body = { recipient: { id: psid }, messaging_type: 'RESPONSE', message };
  try {
    return String(
      (await callGraph(api, '/me/messages', body, { timeoutMs: SEND_TIMEOUT_MS })).message_id,
    );
  } catch (error) {
    const outside =
      error instanceof FacebookError && error.code === 10 && error.subcode === 2018278;
    if (!outside || !humanAgent) throw error;
    const tagged = { ...body, messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
    return String(
      (await callGraph(api, '/me/messages', tagged, { timeoutMs: SEND_TIMEOUT_MS })).message_id,
    );
  }
}

/** `text` in messages of at most 2,000 characters. */
function split(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_TEXT) chunks.push(text.slice(i, i + MAX_TEXT));
  return chunks.length > 0 ? chunks : [text];
}

function quickReplies(conversationId: string, settings: ChatSettings) {
  const { marks } = ratingTexts(settings);
  return RATINGS.map((rating) => ({
    content_type: 'text',
    title: marks[rating],
    payload: ratingData(conversationId, rating),
  }));
}
