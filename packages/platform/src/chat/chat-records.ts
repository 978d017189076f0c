/**
 * The chat's records and the parts of the store that keep them (storage/store.ts composes the rest).
 * The wire shapes the widget and the console see are built from these in this folder.
 */
import type {
  ChatAuthor,
  ChatChannel,
  ChatContact,
  ChatRating,
  MessageAttachment,
  MessageDelivery,
  Messenger,
  Receiver,
} from '@frontdesk/config';
import type { Kysely } from 'kysely';
import type { NewOutboxMessage } from '../outbox';
import type { Tables } from '../storage/tables';

/** A visitor of one chat widget; the token that names it is stored only as a hash. */
export interface ChatVisitor {
  id: string;
  accountId: string;
  /**
   * The widget that met the visitor first (a chat, or a callback widget whose order carried a
   * new token): one visitor across the widgets of their account.
   */
  widgetId: string;
  /** The visitor's IANA zone, as the widget last said. */
  timeZone: string | null;
  createdAt: number;
  lastSeenAt: number;
}

/**
 * Who looks at the account's conversations, as the store's lists filter by it: the rule of
 * access.ts (`conversationViewer` makes one), in a form a query applies before its limit.
 */
export interface ConversationViewer {
  userId: string;
  /** An admin: every conversation of the account. */
  all: boolean;
  /** The groups the viewer is in now. */
  groupIds: readonly string[];
  /** Whether conversations routed to nobody are the viewer's: they answer (who-answers.ts). */
  unrouted: boolean;
}

/** A chat conversation, with what the inbox shows next to it. */
export interface Conversation {
  id: string;
  accountId: string;
  widgetId: string;
  widget: { key: string; name: string };
  visitorId: string;
  /** Copied from the settings when it started; null = every operator of the account. */
  receiver: Receiver | null;
  /**
   * Who holds it (their name then): the first operator who replied, the member the group's
   * distribution gave it to, or the one it was handed to.
   */
  assignee: { id: string; name: string } | null;
  /** Since when it waits for a holder (a distributing group's queue); null once held. */
  queuedAt: number | null;
  /** When its holder's first answer is due before it moves on (distribution); null = no limit. */
  answerDueAt: number | null;
  /** The last hand-over: by an operator (with their note) or for want of a first answer. */
  transfer: ConversationTransfer | null;
  status: 'open' | 'closed';
  /** Where the customer last wrote from: where replies go. */
  channel: ChatChannel;
  lastSeq: number;
  readByOperatorSeq: number;
  readByVisitorSeq: number;
  /** Visitor messages since the last operator reply. */
  unanswered: number;
  /** Start of the open enquiry (the first unanswered visitor message); null when answered. */
  enquiryStartedAt: number | null;
  ratingOffered: boolean;
  rating: ChatRating | null;
  page: { url: string; title: string } | null;
  timeZone: string | null;
  /** The contact's name, when the visitor gave one. */
  contactName: string | null;
  lastMessage: StoredChatMessage | null;
  startedAt: number;
  closedAt: number | null;
}

/** How a conversation last changed hands. */
export interface ConversationTransfer {
  reason: 'operator' | 'timeout';
  /** Who held it before (their name then), if anyone did. */
  fromName: string | null;
  note: string | null;
  at: number;
}

/** Where {@link ChatStore.conversations.transfer} hands a conversation. */
export type TransferTarget =
  | { kind: 'employee'; id: string; name: string }
  | { kind: 'group'; id: string };

/** A stored message; `operator` is who wrote an operator message, with their photo then. */
export interface StoredChatMessage {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  author: ChatAuthor;
  operator: { id: string; name: string; photoUrl: string | null } | null;
  text: string;
  at: number;
  /** Whether the operators were told (`chat:message`); false when its process died first. */
  published: boolean;
  /** The messenger it came from or goes to, when src/chat/channels/ marked it (for the console). */
  channel?: Messenger;
  /** A reply's delivery to a messenger, when src/chat/channels/ marked it (for the console). */
  delivery?: MessageDelivery;
  /** A customer's photos and files from a messenger, when src/chat/channels/ marked it. */
  attachments?: MessageAttachment[];
}

/**
 * What a messenger channel (src/chat/channels/) stores in the transaction of a customer's
 * message: before it (the poller's fencing check: throwing rolls everything back) and after it
 * (the update's record, so that a redelivery stores nothing).
 */
export interface InboundHooks {
  channel: Messenger;
  before(trx: Kysely<Tables>): Promise<void>;
  after(trx: Kysely<Tables>, message: StoredChatMessage): Promise<void>;
}

/** A messenger context token and whom it stands for. */
export interface ChatHandoff {
  token: string;
  accountId: string;
  widgetId: string;
  visitorId: string;
  conversationId: string | null;
  channel: Messenger;
  createdAt: number;
}

/** A message stored by a send, and the conversation after it; `replayed` when the client id was known. */
export interface SentMessage {
  message: StoredChatMessage;
  conversation: Conversation;
  replayed: boolean;
}

/** What {@link ChatStore.chatMessages.visitorSend} stores. */
export interface VisitorSend {
  visitor: ChatVisitor;
  /** The chat widget written in: a new conversation is its. */
  widgetId: string;
  clientId: string;
  text: string;
  page: { url: string; title: string } | null;
  now: number;
  /** Who a new conversation goes to. */
  receiver: Receiver | null;
  /**
   * The auto-replies to schedule if this message starts an enquiry (those of the time now); none
   * are once an operator has answered in the conversation.
   */
  autoReplies: readonly { text: string; delaySeconds: number }[];
  /** Non-working time: the e-mail to queue for this message (never for a replay). */
  email: NonWorkingEmail | null;
  /** A message from a messenger (absent: the site chat's). */
  inbound?: InboundHooks;
}

/**
 * A message of non-working time as e-mail: on its own while its conversation made fewer than
 * `perHour` such e-mails this hour, else as a part of the hour's one batch, which goes out when
 * the hour ends and holds at most `batchMax` messages (later ones are only in the inbox).
 */
export interface NonWorkingEmail {
  single: NewOutboxMessage;
  batch: {
    /** The batch's subject and first lines, when this message starts one. */
    subject: string;
    opening: string;
    /** This message inside the batch. */
    part: string;
    /** Added after the last part a full batch takes. */
    full: string;
  };
  perHour: number;
  batchMax: number;
}

/** What {@link ChatStore.chatMessages.operatorSend} stores. */
export interface OperatorSend {
  conversationId: string;
  clientId: string;
  text: string;
  operator: { id: string; name: string; photoUrl: string | null };
  /** Whether this operator may answer a conversation someone else took (admins). */
  mayAnswerTaken: boolean;
  now: number;
}

/** Why an operator's message was not stored. */
export type OperatorSendRefusal = 'not_found' | 'closed' | 'not_yours';

/** The chat's repositories, part of {@link Store}. */
export interface ChatStore {
  chatVisitors: {
    create(input: {
      accountId: string;
      widgetId: string;
      tokenHash: string;
      timeZone: string | null;
      now: number;
    }): Promise<ChatVisitor>;
    get(id: string): Promise<ChatVisitor | undefined>;
    byTokenHash(tokenHash: string): Promise<ChatVisitor | undefined>;
    /** Records a new connection: when, and the zone the widget sent (kept when it sent none). */
    seen(id: string, input: { timeZone: string | null; now: number }): Promise<void>;
  };
  conversations: {
    get(id: string): Promise<Conversation | undefined>;
    /** The visitor's latest conversation, open or closed. */
    current(visitorId: string): Promise<Conversation | undefined>;
    /** The visitor's conversations, newest first. */
    ofVisitor(visitorId: string, limit: number): Promise<Conversation[]>;
    /**
     * The account's conversations in `status`, newest first; with `viewer`, only those the viewer
     * may see, filtered before the limit.
     */
    list(
      accountId: string,
      status: 'open' | 'closed',
      limit: number,
      viewer?: ConversationViewer,
    ): Promise<Conversation[]>;
    /** Closes an open conversation and cancels its pending auto-replies; undefined if not open. */
    close(
      id: string,
      input: { ratingOffered: boolean; now: number },
    ): Promise<Conversation | undefined>;
    /** Stores the rating of the visitor's closed, unrated conversation. */
    rate(
      id: string,
      visitorId: string,
      rating: ChatRating,
    ): Promise<'rated' | 'not_found' | 'not_closed' | 'already_rated'>;
    /**
     * Hands an open conversation to an employee (who holds it now) or to a group (its receiver
     * from now on, held by nobody: back in its queue), with a note; `by` is who hands it over.
     */
    transfer(
      id: string,
      input: { to: TransferTarget; note: string | null; by: string; now: number },
    ): Promise<Conversation | 'not_found' | 'closed'>;
    /** Raises a read mark (never lowers it, never past the last message); the mark after it. */
    markRead(
      id: string,
      side: 'operator' | 'visitor',
      upToSeq: number,
    ): Promise<number | undefined>;
  };
  chatMessages: {
    /**
     * Stores a visitor message in the visitor's open conversation (a new one when there is none)
     * under the next sequence number, in one transaction with the enquiry's auto-replies and the
     * non-working e-mail; a client id the visitor used before answers that message again.
     */
    visitorSend(input: VisitorSend): Promise<SentMessage>;
    /**
     * Stores an operator reply: the first reply assigns the conversation, every reply ends the
     * enquiry and cancels its pending auto-replies. A known client id answers that message again.
     */
    operatorSend(input: OperatorSend): Promise<SentMessage | OperatorSendRefusal>;
    /** Notes that the operators were told of the messages (once; a later call changes nothing). */
    markPublished(ids: readonly string[], now: number): Promise<void>;
    /** The message a visitor sent under `clientId`, in any of their conversations. */
    byVisitorClientId(visitorId: string, clientId: string): Promise<StoredChatMessage | undefined>;
    /** Messages after `afterSeq`, in order, at most `limit`. */
    since(conversationId: string, afterSeq: number, limit: number): Promise<StoredChatMessage[]>;
  };
  chatContacts: {
    /** Saves what the visitor gave; fields not given keep their value. */
    save(input: {
      accountId: string;
      visitorId: string;
      name?: string | undefined;
      phone?: string | undefined;
      email?: string | undefined;
      now: number;
    }): Promise<ChatContact>;
    get(accountId: string, visitorId: string): Promise<ChatContact | undefined>;
  };
  chatHandoffs: {
    create(handoff: ChatHandoff): Promise<ChatHandoff>;
    get(token: string): Promise<ChatHandoff | undefined>;
  };
  chatAutoReplies: {
    /** Ids of auto-replies due at `now`, not fired and not cancelled, oldest first. */
    due(now: number, limit: number): Promise<string[]>;
    /**
     * Fires one auto-reply: in one transaction (the conversation's row locked, like every send),
     * it is marked fired and its message stored, if it is still pending and its enquiry still
     * open; else it is cancelled. Several processes may try: one stores the message.
     */
    fire(id: string, input: { now: number; by: string }): Promise<SentMessage | undefined>;
  };
}
