/**
 * The chat's wire contract: what the chat widget (socket.io namespace `/chat`), the operator
 * console (`/ops`, events prefixed `chat:`) and the platform send each other. One source: the
 * platform validates every incoming payload with these schemas and the clients import the types.
 * Every request that changes something carries an ack callback answering {@link ChatAck}.
 * packages/platform/CHAT.md describes the flows (enquiries, auto-replies, resync, hand-off).
 */
import * as v from 'valibot';
import type { ContactEnquiry } from './address-book';
import type { ConversationTransfer } from './chat-distribution';
import { EmailSchema, PhoneSchema } from './contacts';
import { TextLocaleSchema } from './locale';
import type { Presence } from './presence';
import { requiredText, text, token } from './text';

/** Longest chat message, in UTF-16 code units. */
export const MAX_CHAT_MESSAGE = 4000;

/** A sender's id for one message: a retry with the same id never makes a second message. */
export const ClientIdSchema = token(
  64,
  /^[A-Za-z0-9_-]{8,64}$/,
  'an id of 8–64 letters, digits, _ or -',
);

/** The page the visitor is on, for the operator. */
export const VisitorPageSchema = v.object({
  url: v.pipe(text(2000), v.url('must be a URL')),
  title: text(300),
});

/**
 * The visitor's handshake (`io('/chat', { auth })`). The widget key names the widget (its
 * allowed origins are checked against the handshake's Origin); `visitorToken` is what the platform
 * issued on first contact (`welcome`), absent the first time.
 */
export const ChatAuthSchema = v.object({
  key: token(64, /^[A-Za-z0-9_-]+$/, 'a widget key'),
  visitorToken: v.optional(token(128, /^[A-Za-z0-9_-]+$/, 'a visitor token')),
  /** The visitor's IANA time zone, so the operator sees the visitor's local time. */
  timeZone: v.optional(text(64)),
  /** The language the widget speaks to the visitor: auto-replies are sent in it. */
  locale: v.optional(TextLocaleSchema),
});

/** Visitor → platform `send`: one message. */
export const VisitorSendSchema = v.object({
  clientId: ClientIdSchema,
  text: requiredText(MAX_CHAT_MESSAGE),
  page: v.optional(VisitorPageSchema),
});

/** The largest sequence number: the platform stores them as 32-bit integers. */
const MAX_SEQ = 2_147_483_647;

/** A sequence number a client names: 0 (none yet) up to {@link MAX_SEQ}. */
const SeqSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be at least 0'),
  v.maxValue(MAX_SEQ, `must be at most ${MAX_SEQ}`),
);

/** Either side → platform `sync`: everything after the last sequence number the client holds. */
export const SyncSchema = v.object({ afterSeq: SeqSchema });

/** Either side → platform `typing`. */
export const TypingSchema = v.object({ typing: v.boolean('must be true or false') });

/** Either side → platform `read`: the reader has seen the other side's messages up to `upToSeq`. */
export const ReadSchema = v.object({ upToSeq: SeqSchema });

/** Visitor → platform `contact`: name, phone or e-mail given in the chat (saved as a contact). */
export const VisitorContactSchema = v.object({
  name: v.optional(text(200)),
  phone: v.optional(PhoneSchema),
  email: v.optional(EmailSchema),
});

/**
 * Visitor → platform `leave-contact`: the form the chat offers while nobody can answer, so the
 * enquiry is answered later — a name, and a phone (as typed: the platform reads it in the
 * widget's country) or an e-mail, at least one of the two; `consent` where the widget asks for
 * it. Saved as the visitor's contact, like `contact`.
 */
export const LeaveContactSchema = v.pipe(
  v.object({
    name: v.optional(text(200)),
    phone: v.optional(text(40)),
    email: v.optional(EmailSchema),
    consent: v.optional(v.boolean('must be true or false')),
  }),
  v.forward(
    v.check(
      (input) => Boolean(input.phone?.trim() || input.email),
      'give a phone number or an e-mail address',
    ),
    ['phone'],
  ),
);

/** The four marks the source's rating offers. */
export const ChatRatingSchema = v.picklist(
  ['excellent', 'good', 'satisfactory', 'poor'],
  'must be "excellent", "good", "satisfactory" or "poor"',
);

/** Visitor → platform `rate`: the rating of a closed conversation. */
export const RateSchema = v.object({ conversationId: text(64), rating: ChatRatingSchema });

/** A messenger the visitor can continue in. */
export const MessengerSchema = v.picklist(
  ['telegram', 'viber', 'vk', 'facebook'],
  'must be "telegram", "viber", "vk" or "facebook"',
);

/** Visitor → platform `handoff`: a context token for continuing in a messenger. */
export const HandoffSchema = v.object({ channel: MessengerSchema });

/** Operator → platform `chat:send`. */
export const OperatorSendSchema = v.object({
  conversationId: text(64),
  clientId: ClientIdSchema,
  text: requiredText(MAX_CHAT_MESSAGE),
});

/** Operator → platform: `chat:open` and `chat:close` name one conversation. */
export const ConversationRefSchema = v.object({ conversationId: text(64) });

/** Operator → platform `chat:typing` / `chat:read` / `chat:sync`: the same as the visitor's, per conversation. */
export const OperatorTypingSchema = v.object({ conversationId: text(64), ...TypingSchema.entries });
/** See {@link OperatorTypingSchema}. */
export const OperatorReadSchema = v.object({ conversationId: text(64), ...ReadSchema.entries });
/** `chat:typing` on `/ops`, either way: whether someone types in the conversation. */
export type ConversationTyping = v.InferOutput<typeof OperatorTypingSchema>;
/** `chat:read` on `/ops`, either way: the conversation is read up to `upToSeq`. */
export type ConversationRead = v.InferOutput<typeof OperatorReadSchema>;
/** See {@link OperatorTypingSchema}. */
export const OperatorSyncSchema = v.object({ conversationId: text(64), ...SyncSchema.entries });

/** Who wrote a message: the visitor, an operator, an auto-reply, or the platform itself. */
export type ChatAuthor = 'visitor' | 'operator' | 'auto' | 'system';

/** One stored message, as both sides receive it. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  /** 1, 2, 3… per conversation, assigned when stored; clients resync with `afterSeq`. */
  seq: number;
  /** The sender's id, echoed so the sender can match its pending copy. */
  clientId: string | null;
  author: ChatAuthor;
  /**
   * The operator, as the visitor may see them: `name`/`photoUrl` only where the widget's
   * settings allow (showOperatorName/showOperatorPhoto); the console always gets the name.
   */
  operator?: { name?: string; photoUrl?: string };
  text: string;
  /** ISO 8601, UTC. */
  at: string;
  /** The messenger it came from (the customer's) or goes to (replies); absent: the site chat. */
  channel?: Messenger;
  /** A reply to a messenger, for the console: how its delivery stands. */
  delivery?: MessageDelivery;
  /** A customer's photos and files from a messenger, for the console only (staff may fetch them). */
  attachments?: MessageAttachment[];
}

/**
 * A photo or file a customer sent through a messenger: fetched into the platform after its
 * message (`pending`), then `stored` (served to staff at `/v1/chat/attachments/<id>`) or
 * `failed` with the reason.
 */
export interface MessageAttachment {
  id: string;
  /** `image`: shown inline; `file`: offered for download. */
  kind: 'image' | 'file';
  /** The file's name as the customer's messenger gave it, if it did. */
  name: string | null;
  status: 'pending' | 'stored' | 'failed';
  /** What the bytes are, once stored. */
  contentType?: string;
  /** Bytes, once stored. */
  size?: number;
  /** Why it failed, in words the operator reads. */
  error?: string;
}

/** Platform → operator `chat:attachment`: a customer's attachment was stored or failed. */
export interface ChatAttachmentUpdate {
  conversationId: string;
  messageId: string;
  seq: number;
  attachment: MessageAttachment;
}

/** Where a customer writes from: the site chat or a messenger. */
export type ChatChannel = 'site' | Messenger;

/**
 * How a reply to a messenger stands: waiting in the outbox (retried on rate limits and outages),
 * delivered, or failed for good with the reason (a blocked bot, a refused message, retries spent).
 */
export interface MessageDelivery {
  status: 'pending' | 'sent' | 'failed';
  /** Why it failed, or the last error of a delivery still retried. */
  error?: string;
}

/** Platform → operator `chat:delivery`: a reply to a messenger was delivered or failed. */
export interface ChatDelivery {
  conversationId: string;
  messageId: string;
  seq: number;
  channel: Messenger;
  delivery: MessageDelivery;
}

/** A conversation's state. */
export type ConversationStatus = 'open' | 'closed';

/** What the visitor knows of their conversation. */
export interface VisitorConversation {
  id: string;
  status: ConversationStatus;
  /** The highest sequence number stored. */
  lastSeq: number;
  /** The highest of the visitor's messages the operator has read. */
  readByOperatorSeq: number;
  /** Set once the conversation is closed and the widget offers a rating. */
  ratingOffered: boolean;
  rating: v.InferOutput<typeof ChatRatingSchema> | null;
}

/** Platform → visitor `welcome`, right after the handshake. */
export interface ChatWelcome {
  /** Keep it (storage, after consent) and send it in the next handshake. */
  visitorToken: string;
  /** The current (or last) conversation, null before the first message. */
  conversation: VisitorConversation | null;
  /** Whether the widget is in working time now (else: the non-working variant). */
  working: boolean;
  /** Whether anyone who receives this widget's chats is online now (see {@link ChatPresence}). */
  presence: Presence;
  /**
   * What the visitor already told the account (a callback order's phone, an earlier form),
   * or null: the chat does not ask for it again.
   */
  contact: Omit<ChatContact, 'visitorId'> | null;
}

/** Platform → visitor `presence`, whenever a console of the account connects or leaves. */
export interface ChatPresence {
  presence: Presence;
}

/** Platform → visitor `closed`: the operator closed the conversation. */
export interface ChatClosed {
  conversationId: string;
  ratingOffered: boolean;
}

/** An operator's view of a conversation, in the inbox list. */
export interface ConversationSummary {
  id: string;
  widget: { key: string; name: string };
  status: ConversationStatus;
  /** Where the customer last wrote from: where replies go. */
  channel: ChatChannel;
  /** Who it is routed to; null = every operator of the account. */
  receiver: { kind: 'employee' | 'group'; id: string } | null;
  /**
   * Who holds it: the first to reply, or the member a distributing group gave it to, or the
   * colleague it was handed to; null while nobody does.
   */
  assignee: { id: string; name: string } | null;
  /** Since when it waits in its group's queue (ISO); null once someone holds it. */
  queuedAt: string | null;
  /** The last hand-over, with its note. */
  transfer: ConversationTransfer | null;
  visitor: {
    id: string;
    /** The contact's name when given, else null (the console shows "Visitor #…"). */
    name: string | null;
    page: { url: string; title: string } | null;
    /** The visitor's IANA time zone, when the widget sent it. */
    timeZone: string | null;
    online: boolean;
  };
  lastMessage: ChatMessage | null;
  lastSeq: number;
  /** The highest of the operator's messages the visitor has read. */
  readByVisitorSeq: number;
  /** The highest message an operator reported read (`chat:read`): the console counts unread after it. */
  readByOperatorSeq: number;
  /** Visitor messages after the last operator reply (the open enquiry). */
  unanswered: number;
  /** Start of the open enquiry (ISO), null when answered. */
  enquiryStartedAt: string | null;
  startedAt: string;
  closedAt: string | null;
  rating: v.InferOutput<typeof ChatRatingSchema> | null;
}

/** A saved contact: what the visitor gave. */
export interface ChatContact {
  visitorId: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** The customer as a messenger knows them: its name for them, their username and phone. */
export interface ChatPeer {
  channel: Messenger;
  name: string;
  username: string | null;
  /** When the customer shared it (Telegram's contact button). */
  phone: string | null;
}

/** Platform → operator, the answer to `chat:open`. */
export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: ChatMessage[];
  contact: ChatContact | null;
  /** The customer in each messenger they wrote from (at most one per messenger). */
  peers: ChatPeer[];
  /** The same visitor's earlier conversations, newest first. */
  pastEnquiries: ConversationSummary[];
  /**
   * The visitor's contact in the address book and its enquiries across browsers and channels,
   * newest first, as far as this operator may see them (absent from an older platform).
   */
  contactTimeline?: { contactId: string; enquiries: ContactEnquiry[] } | null;
}

/** The answer to every request with an ack: the result, or an error naming the field. */
export type ChatAck<T> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: string; message: string; field?: string } };

/** The rating a visitor gave. */
export type ChatRating = v.InferOutput<typeof ChatRatingSchema>;
/** A messenger the visitor can continue in. */
export type Messenger = v.InferOutput<typeof MessengerSchema>;
/** The visitor's handshake. */
export type ChatAuth = v.InferOutput<typeof ChatAuthSchema>;
