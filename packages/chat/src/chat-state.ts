/**
 * What a chat session is to the UI: its state (the connection, the messages stored and those
 * still in the outbox or refused, typing, unread) and what it can be asked to do.
 */
import type {
  ChatAuth,
  ChatMessage,
  ChatRating,
  ChatWelcome,
  Messenger,
  Presence,
  VisitorConversation,
} from '@frontdesk/config';
import type { ConsentStorage } from '@frontdesk/core';
import type { ConnectChat } from './chat-socket';

/** Where the connection stands. */
export type Connection = 'idle' | 'connecting' | 'online' | 'offline' | 'refused';

/** A message waiting for the platform, kept in the widget's outbox under its client id. */
export interface KeptMessage {
  clientId: string;
  text: string;
  /** The page it was written on, for the operator. */
  page?: { url: string; title: string };
}

/** A message the platform refused for good (`invalid`: too long, malformed). */
export interface FailedMessage extends KeptMessage {
  code: string;
}

/** What the UI renders. */
export interface ChatState {
  connection: Connection;
  /** The platform's refusal code (`widget_not_found`, `origin_not_allowed`…). */
  refusal?: string;
  /** The platform's word on working time (undefined before the first `welcome`). */
  working?: boolean;
  /** Who can answer now (undefined before the first `welcome`). */
  presence?: Presence;
  /** What the visitor told the account before (undefined before the first `welcome`). */
  contact?: ChatWelcome['contact'];
  conversation: VisitorConversation | null;
  /** Stored messages in order: by conversation, then sequence number. */
  messages: readonly ChatMessage[];
  /** The visitor's messages not stored yet, oldest first. */
  pending: readonly KeptMessage[];
  failed: readonly FailedMessage[];
  operatorTyping: boolean;
  /** Operator and automatic messages the visitor has not seen. */
  unread: number;
}

/** What `createChatSession` needs. */
export interface ChatSessionOptions {
  key: string;
  /** The account's tag (public config): the visitor's token is the account's. */
  accountTag?: string | undefined;
  storage: ConsentStorage;
  connect: ConnectChat;
  /** The visitor's IANA time zone, for the operator. */
  timeZone?: string;
  /** The widget's language, for the auto-replies. */
  locale?: ChatAuth['locale'];
  /** The page each message is written on. */
  page?(): { url: string; title: string };
  /** How long an answer may take before the request counts as lost (ms). */
  ackTimeout?: number;
  now?(): number;
}

/** A running chat session. */
export interface ChatSession {
  readonly state: ChatState;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: (state: ChatState) => void): () => void;
  /** Calls `listener` for each new operator or automatic message after the first sync. */
  onIncoming(listener: (message: ChatMessage) => void): () => void;
  /**
   * Connects (once). Sending, typing and asking the platform (rating, hand-off, contact) start
   * it too: a window the visitor only looks at stays unconnected.
   */
  start(): void;
  /** Puts `text` in the outbox and sends it as soon as it can. */
  send(text: string): void;
  /** The visitor typed: tells the operator, at most every few seconds. */
  typing(): void;
  /** The log is in view: everything in it counts as seen, and the operator learns it. */
  seen(): void;
  /** Asks the platform for what came after the last contiguous message. */
  resync(): void;
  /** Rates the closed conversation. */
  rate(rating: ChatRating): Promise<void>;
  /** The deep link that continues the conversation in `channel`. */
  handoff(channel: Messenger): Promise<string>;
  /** Tells the platform the visitor's name, phone or e-mail (saved as a contact). */
  contact(details: { name?: string; phone?: string; email?: string }): Promise<void>;
  /**
   * The form offered while nobody can answer (`leave-contact`): refused with the platform's
   * code and field; once saved, the state's `contact` has it.
   */
  leaveContact(details: {
    name?: string;
    phone?: string;
    email?: string;
    consent?: boolean;
  }): Promise<void>;
  /** Disconnects and stops listening. */
  close(): void;
}
