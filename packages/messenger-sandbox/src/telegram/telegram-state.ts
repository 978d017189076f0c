/**
 * Everything the Telegram sandbox holds, in memory: bots (by id, token and username), the
 * customers who write to them, each bot's chats, update queue and webhook; and the events the
 * page and tests follow.
 */
import { randomBytes } from 'node:crypto';
import type { Chat, User } from '@grammyjs/types';
import type { Clock } from '../clock';
import { ControlError, notFound, parseInput } from '../control-error';
import { MediaFiles } from '../media/media-files';
import type { BotApiError } from './api-error';
import { BotInput, type CustomerFields, CustomerInput } from './inputs';
import type { ChatMessage, Customer, SandboxBot, TelegramEvent } from './model';
import { UpdateQueue } from './update-queue';

/** A webhook as setWebhook left it, with the last delivery error. */
export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  ipAddress?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** A bot's chat with one customer. */
export interface ChatState {
  customer: Customer;
  messages: ChatMessage[];
  blocked: boolean;
}

/** One bot and everything it has. */
export interface BotState {
  bot: SandboxBot;
  queue: UpdateQueue;
  chats: Map<number, ChatState>;
  webhook?: Webhook;
  /** The getUpdates call waiting for updates, if any: a newer call or setWebhook ends it. */
  longPoll?: { abort(error: BotApiError): void };
  /** Callback queries not yet answered: id → the chat they came from. */
  callbackQueries: Map<string, number>;
}

/** A bot, its username (any case) or its token: whatever names a bot in the control API. */
export type BotRef = SandboxBot | string;

/** Where numbering starts: far apart, so that mixing up a bot's and a user's ids shows. */
const FIRST_BOT_ID = 7_000_000_001;
const FIRST_CUSTOMER_ID = 500_000_001;

/** The sandbox's Telegram, in memory. */
export class TelegramState {
  private readonly bots = new Map<number, BotState>();
  private readonly customers = new Map<number, Customer>();
  private readonly listeners = new Set<(event: TelegramEvent) => void>();
  private nextBotId = FIRST_BOT_ID;
  private nextCustomerId = FIRST_CUSTOMER_ID;
  private nextCallbackQuery = 1;
  /** The files customers sent, for getFile and the file download. */
  readonly files = new MediaFiles();

  constructor(readonly clock: Clock) {}

  /**
   * Makes a bot; with no token given, one of Telegram's shape is made for it.
   * @throws {ControlError} 400 for input out of Telegram's limits, 409 for a username or id taken.
   */
  createBot(input: unknown): SandboxBot {
    const { username, firstName, token: given } = parseInput(BotInput, input);
    if (this.find(username)) {
      throw new ControlError(409, 'taken', `A bot is already called @${username}.`, 'username');
    }
    const id = given ? Number(given.split(':')[0]) : this.freeBotId();
    if (this.bots.has(id)) {
      throw new ControlError(409, 'taken', `A bot already has the id ${id}.`, 'token');
    }
    const token = given ?? `${id}:AA${randomBytes(25).toString('base64url').slice(0, 33)}`;
    const bot: SandboxBot = { id, token, username, firstName: firstName ?? username };
    this.bots.set(id, {
      bot,
      // Each bot's update ids start elsewhere, as Telegram's do.
      queue: new UpdateQueue((id % 1000) * 1_000_000 + 1, this.clock),
      chats: new Map(),
      callbackQueries: new Map(),
    });
    return bot;
  }

  /** The next id no bot has: one made with a given token may hold the one that was next. */
  private freeBotId(): number {
    while (this.bots.has(this.nextBotId)) this.nextBotId++;
    return this.nextBotId++;
  }

  /** Every bot, in the order they were made. */
  allBots(): SandboxBot[] {
    return [...this.bots.values()].map(({ bot }) => bot);
  }

  /** The bot named by its username (any case) or token, if there is one. */
  find(ref: BotRef): BotState | undefined {
    const name = typeof ref === 'string' ? ref : ref.username;
    for (const state of this.bots.values()) {
      if (state.bot.token === name || state.bot.username.toLowerCase() === name.toLowerCase()) {
        return state;
      }
    }
    return undefined;
  }

  /** The bot `ref` names. @throws {ControlError} 404 when there is none. */
  bot(ref: BotRef): BotState {
    const state = this.find(ref);
    if (!state) throw notFound(`bot @${typeof ref === 'string' ? ref : ref.username}`, 'bot');
    return state;
  }

  /** The bot whose token this is, for the Bot API. */
  botByToken(token: string): BotState | undefined {
    const state = this.bots.get(Number(token.split(':')[0]));
    return state?.bot.token === token ? state : undefined;
  }

  /**
   * A customer: a new one, or (with the id of one made before) that one with these names.
   * @throws {ControlError} 400 for input out of Telegram's limits, 404 for an unknown id.
   */
  customer(input: CustomerFields): Customer {
    const { id, ...fields } = parseInput(CustomerInput, input);
    if (id !== undefined && !this.customers.has(id)) throw notFound(`customer ${id}`, 'id');
    const customer: Customer = { id: id ?? this.nextCustomerId++, ...fields };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** The customer made with this id. @throws {ControlError} 404 when there is none. */
  knownCustomer(id: number): Customer {
    const customer = this.customers.get(id);
    if (!customer) throw notFound(`customer ${id}`, 'customer');
    return customer;
  }

  /** The chat of `state`'s bot with customer `chatId`. @throws {ControlError} 404. */
  chat(state: BotState, chatId: number): ChatState {
    const chat = state.chats.get(chatId);
    if (!chat) throw notFound(`chat ${chatId} with @${state.bot.username}`, 'chatId');
    return chat;
  }

  /** The chat of `state`'s bot with `customer`, begun when it does not exist yet. */
  openChat(state: BotState, customer: Customer): ChatState {
    const known = this.knownCustomer(customer.id);
    const chat = state.chats.get(known.id) ?? { customer: known, messages: [], blocked: false };
    chat.customer = known;
    state.chats.set(known.id, chat);
    return chat;
  }

  /** A fresh callback query id (Telegram's are long numbers, as text). */
  newCallbackQueryId(): string {
    return `${4_200_000_000_000_000 + this.nextCallbackQuery++}`;
  }

  /** Tells the page and the waiting tests. */
  emit(event: TelegramEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` with every event from now on; returns the unsubscribe. */
  subscribe(listener: (event: TelegramEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The bot as a Telegram user (a message's `from`). */
export function botUser(bot: SandboxBot): User {
  return { id: bot.id, is_bot: true, first_name: bot.firstName, username: bot.username };
}

/** The customer as a Telegram user. */
export function customerUser(customer: Customer): User {
  return {
    id: customer.id,
    is_bot: false,
    first_name: customer.firstName,
    ...(customer.lastName ? { last_name: customer.lastName } : {}),
    ...(customer.username ? { username: customer.username } : {}),
    ...(customer.languageCode ? { language_code: customer.languageCode } : {}),
  };
}

/** The private chat with `customer`, as the bot sees it. */
export function privateChat(customer: Customer): Chat.PrivateChat {
  return {
    id: customer.id,
    type: 'private',
    first_name: customer.firstName,
    ...(customer.lastName ? { last_name: customer.lastName } : {}),
    ...(customer.username ? { username: customer.username } : {}),
  };
}
