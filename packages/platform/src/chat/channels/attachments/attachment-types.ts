/**
 * The attachment model every messenger shares. A channel reads its inbound message into an
 * {@link InboundContent} (one small function per channel: telegram-content.ts, viber-content.ts,
 * facebook-content.ts, vk-content.ts): the text the operator reads at once — the caption, or a
 * readable placeholder for what carries no file (a sticker, a location, a contact, a voice
 * message) — and the photos and files to fetch. Each is stored pending with the message, then fetched through
 * the channel's {@link AttachmentFetcher} by the attachments' pass (fetch-attachments.ts).
 */
import type { MessageAttachment, Messenger } from '@frontdesk/config';

/** A photo or file an inbound message carries, before it is fetched. */
export interface InboundAttachment {
  /** `image`: shown inline once its bytes prove to be a picture; `file`: offered for download. */
  kind: 'image' | 'file';
  /**
   * What the channel's fetcher resolves to bytes: Telegram's `file_id`, a media URL of Viber's,
   * VK's or Facebook's.
   */
  source: string;
  /** The file's name, as the messenger gave it. */
  fileName: string | null;
  /** The type the messenger claims (checked against the bytes when they come). */
  declaredType: string | null;
  /** The size the messenger claims: past the cap, it is not fetched at all. */
  declaredSize: number | null;
}

/** What an inbound message means to the chat: its text and the files to fetch. */
export interface InboundContent {
  text: string;
  attachments: InboundAttachment[];
}

/** An attachment claimed for fetching, with what the fetcher needs. */
export interface PendingAttachment {
  id: string;
  messageId: string;
  conversationId: string;
  /** The message's place in its conversation (the console's key). */
  seq: number;
  widgetId: string;
  messenger: Messenger;
  kind: InboundAttachment['kind'];
  source: string;
  fileName: string | null;
  declaredType: string | null;
  declaredSize: number | null;
  /** Attempts made, this one included. */
  attempts: number;
  createdAt: number;
}

/** What one attempt at fetching came to. */
export type FetchResult =
  /** The bytes, whatever they are: the attachments' pass checks them (content-check.ts). */
  | { status: 'fetched'; bytes: Uint8Array }
  /** Try again later (the API is down, slow, or rate-limits); `retryAfterMs` its own wait. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** Never try again (too large, not what it claims, gone): `error` is what the operator reads. */
  | { status: 'failed'; error: string };

/** What the fetcher of one messenger needs to know of the attachment and its cap. */
export interface FetchInput {
  attachment: PendingAttachment;
  /** The most bytes kept: a larger file fails without being read to the end. */
  maxBytes: number;
  /** The time now (ms) on the pass's clock. */
  now: number;
}

/** One messenger's way to the bytes of its attachments; refusals are results, never throws. */
export type AttachmentFetcher = (input: FetchInput) => Promise<FetchResult>;

/** An attachment as staff see it, with the message it belongs to. */
export interface AttachmentInfo extends MessageAttachment {
  messageId: string;
  conversationId: string;
  accountId: string;
}
