/**
 * The sandbox's Viber: the REST bot API on a listener of its own, the state behind it, the
 * signed callbacks, and what tests and the page do as users and as the service's faults.
 */
import type { FastifyInstance } from 'fastify';
import { createApiListener, type Outage } from '../api-listener';
import type { Clock } from '../clock';
import type { CustomerMedia } from '../media/customer-media';
import { registerMediaRoute } from '../media/media-route';
import { waitForEvent as waitFor } from '../wait-for-event';
import { registerViberApi } from './viber-api';
import { ViberCallbacks } from './viber-callbacks';
import { registerViberControl } from './viber-control-routes';
import { setSubscribed, userOpens, userPresses, userWrites } from './viber-customer';
import { userSendsMedia } from './viber-media';
import type { ViberChatMessage, ViberEvent, ViberSandboxBot, ViberUser } from './viber-model';
import { type ViberBotRef, ViberState, type ViberUserFields } from './viber-state';

/** How the sandbox's Viber runs. */
export interface ViberOptions {
  /** The API's port (0, the default: any free port). */
  port?: number;
  /** Waits between callback attempts: the first (default 1 s) doubles up to the longest (30 s). */
  callbackRetry?: { firstMs?: number; maxMs?: number };
  /** How long one callback may take (default 30 s). */
  callbackTimeoutMs?: number;
}

/** Faults of the Viber service a test can set. */
export interface ViberFaults {
  /** The API down: connection refused, or 502 from its front; callbacks wait too. */
  down(outage: Outage): Promise<void>;
  up(): Promise<void>;
  slow(ms: number): void;
  /** send_message answers status 12 (tooManyRequests) until the sandbox's clock passes `seconds` from now. */
  rateLimit(seconds: number): void;
  clear(): Promise<void>;
}

/** The sandbox's Viber, for tests (in-process) and for the control API. */
export interface ViberSandbox {
  /** VIBER_API_URL: calls go to `<apiUrl>/pa/<method>`. */
  readonly apiUrl: string;
  /** Where `viber://pa?chatURI=<uri>&context=<c>` lands here: `<linkBase>/<uri>?context=<c>`. */
  readonly linkBase: string;
  readonly faults: ViberFaults;
  /** A new bot (public account); a token is made unless one is given. */
  createBot(input: { name: string; uri: string; token?: string }): ViberSandboxBot;
  bots(): ViberSandboxBot[];
  /** A Viber user to play (with the `id` of one made before: that one renamed). */
  user(input: ViberUserFields): ViberUser;
  /** The user opens the bot's chat, from a link with `context` or not. */
  open(bot: ViberBotRef, user: ViberUser, context?: string): void;
  write(bot: ViberBotRef, user: ViberUser, text: string): ViberChatMessage;
  /** The user sends a photo, a file, a sticker, a location or a contact (Viber has no voice for bots). */
  send(bot: ViberBotRef, user: ViberUser, media: CustomerMedia): ViberChatMessage;
  /** The user presses the reply button carrying `actionBody` of the keyboard shown. */
  press(bot: ViberBotRef, userId: string, actionBody: string): ViberChatMessage;
  setSubscribed(bot: ViberBotRef, user: ViberUser, subscribed: boolean): void;
  messages(bot: ViberBotRef, userId: string): ViberChatMessage[];
  /** The webhook set, its callbacks waiting and its last error. */
  webhook(bot: ViberBotRef): { url: string; pending: number; lastError?: string };
  subscribe(listener: (event: ViberEvent) => void): () => void;
  /** The first event from now on that `match` accepts; rejects after `timeoutMs` (10 s). */
  waitForEvent(match: (event: ViberEvent) => boolean, timeoutMs?: number): Promise<ViberEvent>;
  /** The first message of the chat, there or to come, that `match` accepts (10 s at most). */
  waitForMessage(
    bot: ViberBotRef,
    userId: string,
    match: (entry: ViberChatMessage) => boolean,
    timeoutMs?: number,
  ): Promise<ViberChatMessage>;
}

/** The sandbox's Viber, started. */
export interface RunningViber extends ViberSandbox {
  close(): Promise<void>;
}

/** What the sandbox gives its Viber. */
export interface ViberSetup {
  host: string;
  clock: Clock;
  caFile?: string;
  front: FastifyInstance;
  frontUrl: () => string;
}

const DEFAULT_WAIT_MS = 10_000;

/** Sets Viber up on `setup.front` and starts its API. */
export async function startViber(
  setup: ViberSetup,
  options: ViberOptions = {},
): Promise<RunningViber> {
  const viber = new ViberState(setup.clock);
  const listener = createApiListener(setup.host, options.port ?? 0);
  let limitedUntil = Number.NEGATIVE_INFINITY;
  const callbacks = new ViberCallbacks({
    ...(setup.caFile ? { caFile: setup.caFile } : {}),
    retry: {
      firstMs: options.callbackRetry?.firstMs ?? 1000,
      maxMs: options.callbackRetry?.maxMs ?? 30_000,
    },
    timeoutMs: options.callbackTimeoutMs ?? 30_000,
    isDown: () => listener.outage !== undefined,
    emit: (event) => viber.emit(event),
  });
  listener.onUp(() => callbacks.wakeAll());
  registerViberApi(listener.app, {
    viber,
    callbacks,
    rateLimited: () => setup.clock().getTime() < limitedUntil,
  });
  registerMediaRoute(listener.app, viber.files);
  const apiUrl = await listener.start();
  const waitForEvent = (match: (event: ViberEvent) => boolean, timeoutMs = DEFAULT_WAIT_MS) =>
    waitFor((listener) => viber.subscribe(listener), match, timeoutMs, 'Viber');
  const sandbox: RunningViber = {
    apiUrl,
    get linkBase() {
      return `${setup.frontUrl()}/viber`;
    },
    faults: {
      down: (outage) => listener.down(outage),
      up: () => listener.up(),
      slow: (ms) => listener.slow(ms),
      rateLimit(seconds) {
        limitedUntil = setup.clock().getTime() + seconds * 1000;
      },
      async clear() {
        limitedUntil = Number.NEGATIVE_INFINITY;
        listener.slow(0);
        if (listener.outage) await listener.up();
      },
    },
    createBot: (input) => viber.createBot(input),
    bots: () => viber.allBots(),
    user: (input) => viber.user(input),
    open: (bot, user, context) => userOpens(viber, viber.bot(bot), user, context),
    write: (bot, user, text) => userWrites(viber, viber.bot(bot), user, text),
    send: (bot, user, media) => userSendsMedia(viber, viber.bot(bot), user, media, apiUrl),
    press: (bot, userId, actionBody) => userPresses(viber, viber.bot(bot), userId, actionBody),
    setSubscribed: (bot, user, subscribed) =>
      setSubscribed(viber, viber.bot(bot), user, subscribed),
    messages: (bot, userId) => [...viber.chat(viber.bot(bot), userId).messages],
    webhook(bot) {
      const state = viber.bot(bot);
      return {
        url: state.webhook?.url ?? '',
        pending: state.pending.length,
        ...(state.webhook?.lastError ? { lastError: state.webhook.lastError } : {}),
      };
    },
    subscribe: (listener) => viber.subscribe(listener),
    waitForEvent,
    async waitForMessage(bot, userId, match, timeoutMs = DEFAULT_WAIT_MS) {
      const state = viber.bot(bot);
      const there = state.chats.get(userId)?.messages.find(match);
      if (there) return there;
      const event = await waitForEvent(
        (e) =>
          e.type === 'message' && e.bot === state.bot.uri && e.userId === userId && match(e.entry),
        timeoutMs,
      );
      return (event as Extract<ViberEvent, { type: 'message' }>).entry;
    },
    async close() {
      callbacks.close();
      await listener.close();
    },
  };
  registerViberControl(setup.front, sandbox, viber);
  return sandbox;
}
