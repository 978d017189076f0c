/**
 * What a VK event (Bots Long Poll or Callback API alike) means to the chat: a user's message in
 * their private chat with the community (`message_new`; its `id` is what it is stored once by),
 * with the hand-off's `ref` when it is the first message from a `vk.me/<community>?ref=…` link,
 * or a press of one of the rating's buttons (its `payload`); or nothing the chat keeps (other
 * events, group chats, the community's own messages). A message's photos and documents are files
 * to fetch, the rest readable placeholders (vk-content.ts). Total: anything reads as something,
 * so no event can stall a poller.
 */
import type { ChatRating } from '@frontdesk/config';
import type { InboundContent } from '../attachments/attachment-types';
import { readRatingData } from '../rating-data';
import { vkContent } from './vk-content';

/** The first peer id of a group chat (a user's private chat has the user's own id). */
const CHAT_PEER_OFFSET = 2_000_000_000;

type Item = Record<string, unknown>;

/** An event, read; `externalId` is what it is stored once by. */
export type VkInbound =
  | {
      kind: 'message';
      userId: number;
      externalId: string;
      content: InboundContent;
      ref: string | undefined;
    }
  | {
      kind: 'rating';
      userId: number;
      externalId: string;
      conversationId: string;
      rating: ChatRating;
    }
  | { kind: 'ignored' };

/** Reads `update`; see the module comment. */
export function readVkUpdate(update: unknown): VkInbound {
  const event = update as Item | null;
  if (event?.type !== 'message_new') return { kind: 'ignored' };
  const object = event.object as Item | undefined;
  // 5.103+: `object.message`; before, the message itself.
  const message = (object?.message ?? object) as Item | undefined;
  const userId = message?.from_id;
  const id = message?.id;
  if (
    typeof userId !== 'number' ||
    !Number.isInteger(userId) ||
    userId <= 0 ||
    userId >= CHAT_PEER_OFFSET ||
    message?.peer_id !== userId ||
    message.out === 1 ||
    typeof id !== 'number'
  ) {
    return { kind: 'ignored' };
  }
  const externalId = String(id);
  const rated = ratingOf(message.payload);
  if (rated) return { kind: 'rating', userId, externalId, ...rated };
  const ref = typeof message.ref === 'string' ? message.ref : undefined;
  return { kind: 'message', userId, externalId, content: vkContent(message), ref };
}

/** A rating button's payload: `{"rate":"<rating data>"}` as the keyboard sent it. */
function ratingOf(payload: unknown) {
  if (typeof payload !== 'string') return undefined;
  try {
    const rate = (JSON.parse(payload) as Item | null)?.rate;
    return typeof rate === 'string' ? readRatingData(rate) : undefined;
  } catch {
    return undefined;
  }
}
