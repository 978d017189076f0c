/**
 * Everything the Viber sandbox holds, in memory: bots by token and URI, the users who write to
 * them, each bot's chats, webhook and callbacks waiting to be delivered; and the events.
 */

import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { Clock } from '../clock';
import { ControlError, notFound, parseInput } from '../control-error';
import { MediaFiles } from '../media/media-files';
import type { ViberChatMessage, ViberEvent, ViberSandboxBot, ViberUser } from './viber-model';

/** A webhook as set_webhook left it. */
export interface ViberWebhook {
  url: string;
  eventTypes: string[];
  sendName: boolean;
  lastError?: string;
}

/** A callback waiting for the webhook: its event, token and body. */
export interface PendingCallback {
  event: string;
  messageToken: string;
  body: Record<string, unknown>;
}

/** A bot's chat with one user. */
export interface ViberChat {
  user: ViberUser;
  messages: ViberChatMessage[];
  /** Subscribed users may be sent messages; a message from the user subscribes them. */
  subscribed: boolean;
}

/** One bot and everything it has. */
export interface ViberBotState {
  bot: ViberSandboxBot;
  chats: Map<string, ViberChat>;
  webhook?: ViberWebhook;
  pending: PendingCallback[];
  /** Wakes the delivery loop when a callback is queued. */
  kick?: () => void;
}

const BotInput = v.object({
  name: v.pipe(v.string('name must be text'), v.trim(), v.minLength(1), v.maxLength(28)),
  uri: v.pipe(
    v.string('uri must be text'),
    v.regex(/^[A-Za-z0-9._-]{3,60}$/, 'uri must be 3–60 letters, digits, . _ or -'),
  ),
  token: v.optional(
    v.pipe(v.string('token must be text'), v.regex(/^[A-Za-z0-9-]{16,200}$/, 'a Viber token')),
  ),
});

const UserInput = v.object({
  id: v.optional(v.string('id must be text')),
  name: v.pipe(v.string('name must be text'), v.trim(), v.minLength(1), v.maxLength(64)),
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'language: two letters'))),
  country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'country: two capitals'))),
});

/** What the control API takes to make a user. */
export type ViberUserFields = v.InferInput<typeof UserInput>;

/** The host name Viber's callbacks and answers carry. */
export const CHAT_HOSTNAME = 'SN-CHAT-01_';

/** A bot, its URI or its token: whatever names a bot in the control API. */
export type ViberBotRef = ViberSandboxBot | string;

/** The sandbox's Viber, in memory. */
export class ViberState {
  private readonly bots = new Map<string, ViberBotState>();
  private readonly users = new Map<string, ViberUser>();
  private readonly listeners = new Set<(event: ViberEvent) => void>();
  private nextAccount = 5_000_001;
  // Real tokens are 64-bit: past 2^53, where a JSON number loses its last digits.
  private nextToken = 5_011_722_468_010_000_001n;

  /** The files users sent, served at their media URLs. */
  readonly files = new MediaFiles();

  constructor(readonly clock: Clock) {}

  /** @throws {ControlError} 400 for bad input, 409 for a URI or token taken. */
  createBot(input: unknown): ViberSandboxBot {
    const { name, uri, token: given } = parseInput(BotInput, input);
    if (this.find(uri)) throw new ControlError(409, 'taken', `A bot has the URI ${uri}.`, 'uri');
    const token =
      given ??
      `${randomBytes(8).toString('hex')}-${randomBytes(8).toString('hex')}-${randomBytes(8).toString('hex')}`;
    if (this.byToken(token)) throw new ControlError(409, 'taken', 'The token is taken.', 'token');
    const bot = { id: `pa:${this.nextAccount++}`, token, name, uri };
    this.bots.set(bot.id, { bot, chats: new Map(), pending: [] });
    return bot;
  }

  allBots(): ViberSandboxBot[] {
    return [...this.bots.values()].map((state) => state.bot);
  }

  /** The bot with this auth token, if any. */
  byToken(token: string): ViberBotState | undefined {
    return [...this.bots.values()].find((state) => state.bot.token === token);
  }

  /** @throws {ControlError} 404 for no such bot. */
  bot(ref: ViberBotRef): ViberBotState {
    const state = this.find(typeof ref === 'string' ? ref : ref.uri);
    if (!state) throw notFound(`bot ${typeof ref === 'string' ? ref : ref.uri}`, 'bot');
    return state;
  }

  private find(ref: string): ViberBotState | undefined {
    const lower = ref.toLowerCase();
    return [...this.bots.values()].find(
      (state) => state.bot.uri.toLowerCase() === lower || state.bot.token === ref,
    );
  }

  /** A user to play; with the `id` of one made before, that one renamed. */
  user(input: unknown): ViberUser {
    const fields = parseInput(UserInput, input);
    if (fields.id !== undefined && !this.users.has(fields.id)) throw notFound('user', 'id');
    const user: ViberUser = {
      id: fields.id ?? `${randomBytes(16).toString('base64').slice(0, 22)}==`,
      name: fields.name,
      language: fields.language ?? 'en',
      country: fields.country ?? 'GB',
    };
    this.users.set(user.id, user);
    return user;
  }

  /** @throws {ControlError} 404 for a user the sandbox never made. */
  knownUser(id: string): ViberUser {
    const user = this.users.get(id);
    if (!user) throw notFound(`user ${id}`, 'userId');
    return user;
  }

  /** The chat of the bot with `user`, opened on first use. */
  openChat(state: ViberBotState, user: ViberUser): ViberChat {
    let chat = state.chats.get(user.id);
    if (!chat) {
      chat = { user, messages: [], subscribed: false };
      state.chats.set(user.id, chat);
    }
    chat.user = user;
    return chat;
  }

  /** @throws {ControlError} 404 when the user never opened the bot's chat. */
  chat(state: ViberBotState, userId: string): ViberChat {
    const chat = state.chats.get(userId);
    if (!chat) throw notFound(`chat of ${state.bot.uri} with ${userId}`, 'userId');
    return chat;
  }

  /** A new message token (64-bit, as text). */
  newToken(): string {
    return String(this.nextToken++);
  }

  /** Queues a callback for the bot's webhook (dropped when no webhook takes its event). */
  queue(state: ViberBotState, event: string, body: Record<string, unknown>): void {
    const webhook = state.webhook;
    // message, subscribed and unsubscribed always go; the rest only when asked for.
    const always = ['message', 'subscribed', 'unsubscribed', 'webhook'].includes(event);
    if (!webhook || !(always || webhook.eventTypes.includes(event))) return;
    const messageToken = (body.message_token as string | undefined) ?? this.newToken();
    const timestamp = this.clock().getTime();
    state.pending.push({
      event,
      messageToken,
      body: {
        event,
        timestamp,
        chat_hostname: CHAT_HOSTNAME,
        ...body,
        message_token: messageToken,
      },
    });
    state.kick?.();
  }

  subscribe(listener: (event: ViberEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ViberEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** `body` as Viber writes it: message tokens as bare 64-bit numbers, not strings. */
export function viberJson(body: unknown): string {
  return JSON.stringify(body).replace(/"message_token":"(\d+)"/g, '"message_token":$1');
}
