/**
 * The channel model's records and the part of the store that keeps them (`store.channels`):
 * peers, inbound updates stored once, the replies' outbox, the pollers' leases, hand-offs.
 */
import type { MessageDelivery, Messenger } from '@frontdesk/config';
import type { Widget } from '../../widgets';
import type { InboundHooks, SentMessage, StoredChatMessage } from '../chat-records';
import type { InboundAttachment } from './attachments/attachment-types';
import type { AttachmentStore } from './attachments/attachments-store';
import type { DeliveryKeyboard } from './channel-tables';

/** A customer in one messenger, as one widget's bot knows them. */
export interface ChannelPeer {
  id: string;
  accountId: string;
  widgetId: string;
  messenger: Messenger;
  /** The messenger's id of the customer's chat (Telegram: the private chat's id). */
  externalId: string;
  /** Who the customer is to the chat: the site visitor after a hand-off, else one of their own. */
  visitorId: string;
  /** The messenger's name for them (Telegram: first and last name). */
  name: string;
  username: string | null;
  phone: string | null;
  createdAt: number;
  updatedAt: number;
}

/** What an update tells of its customer. */
export interface MeetPeer {
  accountId: string;
  widgetId: string;
  messenger: Messenger;
  externalId: string;
  /**
   * The messenger's name for them; a function where its updates carry none (Facebook): asked
   * only when the peer is new, and their name kept after that.
   */
  name: string | (() => Promise<string>);
  username: string | null;
  /** Kept when absent (only a shared contact carries it). */
  phone?: string;
  now: number;
}

/**
 * The holder's fencing check of one update: the cursor moves to `cursor` only while the lease
 * of `credential` still carries `fence` (webhook mode has no lease: `undefined`).
 */
export interface CursorGuard {
  credential: string;
  fence: number;
  cursor: number;
}

/** A held lease: its fencing number, where the poller goes on from, the webhook set if any. */
export interface Lease {
  credential: string;
  fence: number;
  cursor: number;
  webhookUrl: string | null;
}

/** How a credential's poller stands, for the Studio (any process may read it). */
export interface ChannelStatus {
  credential: string;
  holder: string;
  expiresAt: number;
  /** When the holder last heard from the messenger's API without an error. */
  connectedAt: number | null;
  lastUpdateAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

/** A claimed reply, with what sending it needs. */
export interface Delivery {
  messageId: string;
  conversationId: string;
  seq: number;
  messenger: Messenger;
  widgetId: string;
  /** The peer's chat in the messenger. */
  externalId: string;
  text: string;
  /** `rating`: the message asks for the rating, its marks as buttons the customer presses. */
  keyboard: DeliveryKeyboard | null;
  /** Attempts made, this one included. */
  attempts: number;
  createdAt: number;
}

/** Tried again at `retryAt`; a rate limit's wait is not counted as a failed attempt. */
export type RetryOutcome = {
  status: 'retry';
  error: string;
  retryAt: number;
  rateLimited: boolean;
};

/** Given up: `error` is what the operator reads. */
export type FailedOutcome = { status: 'failed'; error: string; at: number };

/** What became of one attempt. */
export type DeliveryOutcome =
  | { status: 'sent'; externalId: string; at: number }
  | RetryOutcome
  | FailedOutcome;

/** A stored message's channel and, for a reply to a messenger, its delivery. */
export interface ChannelMark {
  channel: Messenger;
  delivery?: MessageDelivery;
}

/** What a hand-off's `/start <token>` did. */
export type HandoffOutcome =
  /** The peer joined the visitor; `sent` is the note in their open conversation, if any. */
  | { outcome: 'joined'; visitorId: string; sent: SentMessage | undefined }
  /** An unknown, expired, used or other widget's token: nothing joined. */
  | { outcome: 'refused' };

/** The channels' part of the store. */
export interface ChannelStore {
  /** The live, active chat widgets with `messenger` connected (enabled or not), oldest first. */
  widgets(messenger: Messenger): Promise<Widget[]>;
  /**
   * A stamp of every widget's stored state, one cheap read: it changes whenever any widget is
   * created, updated or deleted — in this process or another — since every such write raises
   * the widget's version (and its secrets are only written with it).
   */
  widgetsStamp(): Promise<string>;
  peers: {
    /**
     * The peer an update came from: made on first contact (with a visitor of its own, and its
     * name as the visitor's contact name when the contact has none), its name, username and
     * phone kept as the messenger last said.
     */
    meet(input: MeetPeer): Promise<ChannelPeer>;
    get(id: string): Promise<ChannelPeer | undefined>;
    /** The visitor's peers in one widget (at most one per messenger). */
    ofVisitor(visitorId: string, widgetId: string): Promise<ChannelPeer[]>;
  };
  inbound: {
    /** Whether the update `externalId` of `credential` was stored. */
    has(credential: string, externalId: string): Promise<boolean>;
    /**
     * The hooks that store a customer's message with its update: the fencing check (when
     * `guard` is given) before, the update's record (and the message's attachments, pending)
     * after.
     */
    hooks(input: {
      messenger: Messenger;
      credential: string;
      externalId: string;
      peerId: string;
      guard: CursorGuard | undefined;
      /** The photos and files to fetch after the message, in the widget of the account. */
      attachments?: { accountId: string; widgetId: string; files: readonly InboundAttachment[] };
      now: number;
    }): InboundHooks;
    /**
     * Moves the cursor past an update that stores nothing (or was stored before).
     * @returns false when the lease moved on (the fence is stale): nothing changed.
     */
    skip(guard: CursorGuard, now: number): Promise<boolean>;
    /**
     * A customer's update refused by the chat rate limit: recorded with the cursor moved and —
     * unless the peer was told within the last `windowMs` — `notice` stored as the platform's
     * message in the visitor's latest conversation of the widget and queued to the peer, in one
     * transaction. Undefined when nothing was told (told already, no conversation, or the
     * update recorded before).
     * @throws {FenceLost} when the lease moved on: nothing changed.
     */
    refuse(input: {
      peer: ChannelPeer;
      credential: string;
      externalId: string;
      guard: CursorGuard | undefined;
      notice: string;
      windowMs: number;
      now: number;
    }): Promise<SentMessage | undefined>;
    /**
     * The customers' messages of `credential`'s updates that no process announced (their
     * process died between the commit and `chat:message`), oldest first, at most `limit`.
     */
    unannounced(credential: string, limit: number): Promise<StoredChatMessage[]>;
    /**
     * `/start <token>`: the peer joins the visitor the hand-off token stands for (once, before
     * it expires, in the token's widget), and their open conversation notes it and goes on in
     * the messenger. The update is recorded and the cursor moved in the same transaction.
     * @throws {FenceLost} when the lease moved on: nothing changed.
     */
    handoff(input: {
      peer: ChannelPeer;
      token: string;
      credential: string;
      externalId: string;
      guard: CursorGuard | undefined;
      /** Tokens made before this are expired. */
      notBefore: number;
      note: string;
      now: number;
    }): Promise<HandoffOutcome>;
  };
  /** The customers' photos and files, fetched after their messages (attachments/). */
  attachments: AttachmentStore;
  leases: {
    /**
     * Takes (or keeps) the lease of `credential` for `holder` until `now + leaseMs`: a new holder
     * only once the lease expired, with the next fencing number. Undefined while another holds it.
     */
    acquire(input: {
      credential: string;
      holder: string;
      leaseMs: number;
      now: number;
    }): Promise<Lease | undefined>;
    /** Extends the holder's lease; false when it was taken over (the fence is stale). */
    renew(input: {
      credential: string;
      fence: number;
      leaseMs: number;
      now: number;
    }): Promise<boolean>;
    /** Lets the lease go at once (a closing process), so another takes it without waiting. */
    release(credential: string, fence: number): Promise<void>;
    /** Notes the holder's last contact with the API: an error, or none (connected). */
    note(input: {
      credential: string;
      fence: number;
      error: string | null;
      now: number;
    }): Promise<void>;
    /**
     * Notes an update received by webhook (whichever process took it; the poller's cursor
     * notes polled ones): the Studio's "last update", written at most once a second per
     * credential by each process.
     */
    received(credential: string, now: number): Promise<void>;
    status(credential: string): Promise<ChannelStatus | undefined>;
    /** Records the webhook the holder sets (null: none); false when the fence is stale. */
    setWebhook(input: {
      credential: string;
      fence: number;
      webhook: { url: string; secret: string } | null;
    }): Promise<boolean>;
    /** The secret_token requests to the credential's webhook must carry, if one is set. */
    webhookSecret(credential: string): Promise<string | undefined>;
  };
  deliveries: {
    /**
     * Claims the replies due now, each the oldest unsent of its peer (so a peer's replies go
     * in order), and counts the attempt; also those whose claimer died (`staleBefore`).
     */
    claim(input: {
      messengers: readonly Messenger[];
      now: number;
      by: string;
      staleBefore: number;
      limit: number;
    }): Promise<Delivery[]>;
    /** Records an attempt's outcome (only by its claimer); false when the claim was lost. */
    settle(messageId: string, by: string, outcome: DeliveryOutcome): Promise<boolean>;
    /** The channel and delivery of each of the messages that came from or go to a messenger. */
    marks(messageIds: readonly string[]): Promise<Map<string, ChannelMark>>;
    /**
     * Asks the customer of closed conversation `conversationId` for the rating in the messenger
     * they last wrote from: `text` as the platform's message in the conversation, queued with
     * the rating's marks as buttons, in one transaction. Undefined (nothing stored) unless the
     * conversation is closed with the rating offered, unrated, and its channel a messenger.
     */
    offerRating(input: {
      conversationId: string;
      text: string;
      now: number;
    }): Promise<SentMessage | undefined>;
  };
}
