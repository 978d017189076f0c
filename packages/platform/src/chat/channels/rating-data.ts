/**
 * What a rating button carries back (Telegram's callback_data, Viber's ActionBody, Facebook's
 * quick-reply payload): the conversation and the mark. At most 64 bytes (Telegram's limit): an
 * id of at most 40, the longest mark.
 */
import type { ChatRating } from '@frontdesk/config';

/** A rating button's data. */
export function ratingData(conversationId: string, rating: ChatRating): string {
  return `rate:${conversationId}:${rating}`;
}

const RATING_DATA = /^rate:([A-Za-z0-9-]{1,40}):(excellent|good|satisfactory|poor)$/;

/** The conversation and mark a button's data names, if it is a rating button's. */
export function readRatingData(
  data: string,
): { conversationId: string; rating: ChatRating } | undefined {
  const rated = RATING_DATA.exec(data);
  return rated?.[1] && rated[2]
    ? { conversationId: rated[1], rating: rated[2] as ChatRating }
    : undefined;
}
