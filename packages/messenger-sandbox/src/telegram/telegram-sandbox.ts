/**
 * The sandbox's Telegram: the Bot API on a listener of its own, the state behind it, webhook
 * deliveries, and what tests and the page do as customers and as the faults of the service.
 */
import type { CallbackQuery, Message, WebhookInfo } from '@grammyjs/types';
import type { FastifyInstance } from 'fastify';
import { createApiListener, type Outage } from '../api-listener';
import type { Clock } from '../clock';
import type { CustomerMedia } from '../media/customer-media';
import { waitForEvent as waitFor } from '../wait-for-event';
import { registerBotApi } from './bot-api';
import { registerControlRoutes } from './control-routes';
import { customerPresses, customerStarts, customerWrites, setBlocked } from './customer-actions';
import type { CustomerFields } from './inputs';
import { getWebhookInfo } from './methods/webhook-methods';
import type { ChatMessage, ChatSummary, Customer, SandboxBot, TelegramEvent } from './model';
import { Params } from './params';
import { RateLimits } from './rate-limits';
import { customerSendsMedia } from './telegram-media';
import { type BotRef, TelegramState } from './telegram-state';
import { WebhookDeliveries } from './webhook-delivery';

/** How the sandbox's Telegram runs. */
export interface TelegramOptions {
  /** The Bot API's port (0, the default: any free port). */
  port?: number;
  /** Waits between webhook attempts: the first (default 1 s) doubles up to the longest (30 s). */
  webhookRetry?: { firstMs?: number; maxMs?: number };
  /** How long one webhook delivery may take (default 30 s). */
  webhookTimeoutMs?: number;
  /**
   * The ports setWebhook accepts: Telegram's cloud takes 443, 80, 88 and 8443 only (pass
   * {@link TELEGRAM_WEBHOOK_PORTS} to be as strict); by default any port, as tests need.
   */
  webhookPorts?: readonly number[];
}

/** The ports Telegram's cloud delivers webhooks to. */
export const TELEGRAM_WEBHOOK_PORTS: readonly number[] = [443, 80, 88, 8443];

/** Faults of the Telegram service a test can set. */
export interface TelegramFaults {
  /** The Bot API down: connection refused, or 502 from its front; webhooks wait too. */
  down(outage: Outage): Promise<void>;
  /** The Bot API back up; webhook deliveries resume. */
  up(): Promise<void>;
  /** Every Bot API answer delayed by `ms` (0: none). */
  slow(ms: number): void;
  /** Flood control (of one bot, to one chat, if named): 429 with retry_after until the sandbox's clock passes it. */
  rateLimit(fault: { retryAfter: number; methods?: string[]; bot?: BotRef; chatId?: number }): void;
  /** Everything back to normal. */
  clear(): Promise<void>;
}

/** The sandbox's Telegram, for tests (in-process) and for the control API. */
export interface TelegramSandbox {
  /** The Bot API's base: TELEGRAM_API_URL (calls go to `<apiUrl>/bot<token>/<method>`). */
  readonly apiUrl: string;
  /** Where deep links point: MESSENGER_LINK_BASE (`<linkBase>/<bot>?start=<payload>`). */
  readonly linkBase: string;
  readonly faults: TelegramFaults;
  /** A new bot; a token of Telegram's shape is made unless one is given. */
  createBot(input: { username: string; firstName?: string; token?: string }): SandboxBot;
  bots(): SandboxBot[];
  /** A Telegram user to play; with the `id` of one made before, that one renamed. */
  customer(input: CustomerFields): Customer;
  /** The customer writes to the bot. */
  write(bot: BotRef, customer: Customer, text: string): Message;
  /** The customer sends a photo, a file, a sticker, a location, a contact or a voice message. */
  send(bot: BotRef, customer: Customer, media: CustomerMedia): Message;
  /** The customer follows the bot's deep link and presses Start: `/start <payload>`. */
  start(bot: BotRef, customer: Customer, payload?: string): Message;
  /** The customer presses the inline button carrying `data` under the bot's message. */
  press(bot: BotRef, chatId: number, messageId: number, data: string): CallbackQuery;
  /** The customer blocks (or unblocks) the bot. */
  setBlocked(bot: BotRef, chatId: number, blocked: boolean): void;
  chats(bot: BotRef): ChatSummary[];
  /** Every message of the chat, both ways, as Telegram holds them. */
  messages(bot: BotRef, chatId: number): ChatMessage[];
  /** What getWebhookInfo answers the bot. */
  webhookInfo(bot: BotRef): WebhookInfo;
  /** Calls `listener` with every event from now on; returns the unsubscribe. */
  subscribe(listener: (event: TelegramEvent) => void): () => void;
  /**
   * The first event from now on that `match` accepts.
   * @throws {Error} after `timeoutMs` (default 10 s) without one.
   */
  waitForEvent(
    match: (event: TelegramEvent) => boolean,
    timeoutMs?: number,
  ): Promise<TelegramEvent>;
  /**
   * The first message of the chat (already there or still to come, edits included) that
   * `match` accepts.
   * @throws {Error} after `timeoutMs` (default 10 s) without one.
   */
  waitForMessage(
    bot: BotRef,
    chatId: number,
    match: (entry: ChatMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ChatMessage>;
  /**
   * Resolves once a getUpdates call of the bot waits for updates (at once when one does).
   * @throws {Error} after `timeoutMs` (default 10 s) without one.
   */
  waitForLongPoll(bot: BotRef, timeoutMs?: number): Promise<void>;
}

/** The sandbox's Telegram, started, with the means to stop it. */
export interface RunningTelegram extends TelegramSandbox {
  close(): Promise<void>;
}

/** What the sandbox gives its Telegram. */
export interface TelegramSetup {
  host: string;
  clock: Clock;
  caFile?: string;
  /** The front server, for the control API (its routes go on before it listens). */
  front: FastifyInstance;
  /** The front's URL, known once it listens. */
  frontUrl: () => string;
}

/** Sets up Telegram on `setup.front` and starts its Bot API. */
export async function startTelegram(
  setup: TelegramSetup,
  options: TelegramOptions = {},
): Promise<RunningTelegram> {
  const telegram = new TelegramState(setup.clock);
  const listener = createApiListener(setup.host, options.port ?? 0);
  const rateLimits = new RateLimits(setup.clock);
  const webhooks = new WebhookDeliveries({
    clock: setup.clock,
    ...(setup.caFile ? { caFile: setup.caFile } : {}),
    retry: {
      firstMs: options.webhookRetry?.firstMs ?? 1000,
      maxMs: options.webhookRetry?.maxMs ?? 30_000,
    },
    timeoutMs: options.webhookTimeoutMs ?? 30_000,
    isDown: () => listener.outage !== undefined,
    emit: (event) => telegram.emit(event),
  });
  listener.onUp(() => webhooks.wakeAll());
  registerBotApi(listener.app, {
    telegram,
    webhooks,
    rateLimits,
    ...(options.webhookPorts ? { webhookPorts: options.webhookPorts } : {}),
  });
  const apiUrl = await listener.start();
  const faults: TelegramFaults = {
    down: (outage) => listener.down(outage),
    up: () => listener.up(),
    slow: (ms) => listener.slow(ms),
    rateLimit: ({ bot, ...fault }) =>
      rateLimits.add({ ...fault, ...(bot ? { botId: telegram.bot(bot).bot.id } : {}) }),
    async clear() {
      rateLimits.clear();
      listener.slow(0);
      if (listener.outage) await listener.up();
    },
  };
  const sandbox: RunningTelegram = {
    apiUrl,
    get linkBase() {
      return `${setup.frontUrl()}/telegram`;
    },
    faults,
    createBot: (input) => telegram.createBot(input),
    bots: () => telegram.allBots(),
    customer: (input) => telegram.customer(input),
    write: (bot, customer, text) => customerWrites(telegram, telegram.bot(bot), customer, text),
    send: (bot, customer, media) =>
      customerSendsMedia(telegram, telegram.bot(bot), customer, media),
    start: (bot, customer, payload) =>
      customerStarts(telegram, telegram.bot(bot), customer, payload),
    press: (bot, chatId, messageId, data) =>
      customerPresses(telegram, telegram.bot(bot), chatId, messageId, data),
    setBlocked: (bot, chatId, blocked) => setBlocked(telegram, telegram.bot(bot), chatId, blocked),
    chats: (bot) =>
      [...telegram.bot(bot).chats.values()].map(({ customer, messages, blocked }) => ({
        id: customer.id,
        customer,
        blocked,
        messageCount: messages.length,
        ...(messages.length > 0 ? { lastMessageDate: messages.at(-1)?.message.date } : {}),
      })),
    messages: (bot, chatId) => [...telegram.chat(telegram.bot(bot), chatId).messages],
    webhookInfo: (bot) =>
      getWebhookInfo({
        telegram,
        state: telegram.bot(bot),
        params: new Params({}),
        signal: new AbortController().signal,
        webhooks,
      }),
    subscribe: (listener) => telegram.subscribe(listener),
    waitForEvent: (match, timeoutMs = DEFAULT_WAIT_MS) => waitForEvent(telegram, match, timeoutMs),
    async waitForMessage(bot, chatId, match, timeoutMs = DEFAULT_WAIT_MS) {
      const state = telegram.bot(bot);
      const there = state.chats.get(chatId)?.messages.find(match);
      if (there) return there;
      const event = await waitForEvent(
        telegram,
        (event) =>
          (event.type === 'message' || event.type === 'edited') &&
          event.bot === state.bot.username &&
          event.chatId === chatId &&
          match(event.entry),
        timeoutMs,
      );
      return (event as Extract<TelegramEvent, { type: 'message' }>).entry;
    },
    async waitForLongPoll(bot, timeoutMs = DEFAULT_WAIT_MS) {
      const state = telegram.bot(bot);
      if (state.longPoll) return;
      await waitForEvent(
        telegram,
        (event) => event.type === 'long-poll' && event.bot === state.bot.username,
        timeoutMs,
      );
    },
    async close() {
      webhooks.close();
      await listener.close();
    },
  };
  registerControlRoutes(setup.front, sandbox, telegram);
  return sandbox;
}

/** How long the waits of tests wait by default. */
const DEFAULT_WAIT_MS = 10_000;

function waitForEvent(
  telegram: TelegramState,
  match: (event: TelegramEvent) => boolean,
  timeoutMs: number,
): Promise<TelegramEvent> {
  return waitFor((listener) => telegram.subscribe(listener), match, timeoutMs, 'Telegram');
}
