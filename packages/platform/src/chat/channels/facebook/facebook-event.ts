/**
 * What one `messaging` item of the app's webhook means to the chat: a person's message (its
 * `mid` the external id; its text and attachments: facebook-content.ts; a quick reply of the rating rates), the hand-off's `ref` (a
 * `messaging_referrals` event, or Get Started's `postback.referral`), or nothing the chat keeps
 * (echoes of the page's own messages, deliveries, reads). Total: anything reads as something.
 */
import type { ChatRating } from '@frontdesk/config';
import type { InboundContent } from '../attachments/attachment-types';
import { readRatingData } from '../rating-data';
import { facebookContent } from './facebook-content';

type Item = Record<string, unknown>;

/** An item, read; `externalId` is what it is stored once by. */
export type FacebookInbound =
  | { kind: 'message'; psid: string; externalId: string; content: InboundContent }
  | { kind: 'rating'; psid: string; externalId: string; conversationId: string; rating: ChatRating }
  | { kind: 'start'; psid: string; externalId: string; ref: string | undefined }
  | { kind: 'ignored' };

/** Reads `item`; see the module comment. */
export function readFacebookEvent(item: Item): FacebookInbound {
  const psid = (item.sender as Item | undefined)?.id;
  if (typeof psid !== 'string' || !/^\d{1,30}$/.test(psid)) return { kind: 'ignored' };
  const message = item.message as Item | undefined;
  if (message && message.is_echo !== true && typeof message.mid === 'string') {
    const payload = (message.quick_reply as Item | undefined)?.payload;
    const rated = typeof payload === 'string' ? readRatingData(payload) : undefined;
    const externalId = message.mid.slice(0, 200);
    if (rated) return { kind: 'rating', psid, externalId, ...rated };
    return { kind: 'message', psid, externalId, content: facebookContent(message) };
  }
  const postback = item.postback as Item | undefined;
  const referral = (item.referral ?? postback?.referral) as Item | undefined;
  if (postback || referral) {
    const ref = typeof referral?.ref === 'string' ? referral.ref : undefined;
    const mid = typeof postback?.mid === 'string' ? postback.mid : undefined;
    return { kind: 'start', psid, externalId: mid ?? `ref-${psid}-${String(item.timestamp)}`, ref };
  }
  return { kind: 'ignored' };
}
