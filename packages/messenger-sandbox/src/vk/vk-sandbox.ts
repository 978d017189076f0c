/**
 * The sandbox's VK: the API and the Bots Long Poll server on a listener of their own, the state
 * behind them, the Callback API's deliveries, and what tests and the page do as users and as
 * the service's faults.
 */
import { randomBytes } from 'node:crypto';
import { createApiListener, type Outage } from '../api-listener';
import type { CustomerMedia } from '../media/customer-media';
import { registerMediaRoute } from '../media/media-route';
import type { TelegramSetup } from '../telegram/telegram-sandbox';
import { waitForEvent as waitFor } from '../wait-for-event';
import { registerVkApi } from './vk-api';
import { VkCallbacks } from './vk-callbacks';
import { registerVkControl } from './vk-control-routes';
import { setAllowed, userOpens, userPresses, userWrites } from './vk-customer';
import { longPollPath, registerVkLongPoll } from './vk-long-poll';
import { userSendsMedia } from './vk-media';
import type { VkChatMessage, VkCommunity, VkEvent, VkUser } from './vk-model';
import { type VkCommunityRef, VkState, type VkUserFields } from './vk-state';

/** How the sandbox's VK runs. */
export interface VkOptions {
  /** The API's port (0, the default: any free port). */
  port?: number;
  /** Waits between callback attempts: the first (default 1 s) doubles up to the longest (30 s). */
  callbackRetry?: { firstMs?: number; maxMs?: number };
  /** How long one callback may take (default 25 s). */
  callbackTimeoutMs?: number;
}

/** Faults of the VK service a test can set. */
export interface VkFaults {
  /** The API and the long poll server down: connection refused, or 502 from the front. */
  down(outage: Outage): Promise<void>;
  up(): Promise<void>;
  slow(ms: number): void;
  /** messages.send answers error `code` (6 or 9) until the sandbox's clock passes `seconds` from now. */
  rateLimit(seconds: number, code?: 6 | 9): void;
  /**
   * The community's long poll fails as VK documents: 1 its history goes out of date (the events
   * kept are lost), 2 its keys expire, 3 its information is lost (keys and ts to get anew).
   */
  longPollFails(community: VkCommunityRef, failed: 1 | 2 | 3): void;
  /** The community's token stops working (error 5): a new one replaces it. */
  revokeToken(community: VkCommunityRef): VkCommunity;
  clear(): Promise<void>;
}

/** The sandbox's VK, for tests (in-process) and for the control API. */
export interface VkSandbox {
  /** VK_API_URL: calls go to `<apiUrl>/method/<method>`. */
  readonly apiUrl: string;
  /** Where `vk.me/<community>?ref=<ref>` lands here: `<linkBase>/<community>?ref=<ref>`. */
  readonly linkBase: string;
  readonly faults: VkFaults;
  /** A new community; a token is made unless one is given. */
  createCommunity(input: { name: string; screenName: string; token?: string }): VkCommunity;
  communities(): VkCommunity[];
  /** A VK user to play (with the `id` of one made before: that one renamed). */
  user(input: VkUserFields): VkUser;
  /** The user opens the community's chat from a link with `ref`, or without one. */
  open(community: VkCommunityRef, user: VkUser, ref?: string): void;
  write(community: VkCommunityRef, user: VkUser, text: string): VkChatMessage;
  /**
   * The user sends a photo, a document, a sticker, a place or a voice message (VK has no contact
   * cards): message_new with its attachment or `geo`.
   */
  send(community: VkCommunityRef, user: VkUser, media: CustomerMedia): VkChatMessage;
  /** The user presses the button carrying `payload` of the keyboard shown. */
  press(community: VkCommunityRef, userId: number, payload: string): VkChatMessage;
  /** The user forbids (false) or allows the community's messages. */
  allow(community: VkCommunityRef, user: VkUser, allowed: boolean): void;
  messages(community: VkCommunityRef, userId: number): VkChatMessage[];
  /**
   * The community's Bots Long Poll settings (with the events from the latest request's `ts` on:
   * what waits for the poller) and its callback servers.
   */
  delivery(community: VkCommunityRef): {
    longPoll: { enabled: boolean; events: string[]; pending: number };
    servers: {
      url: string;
      status: string;
      events: string[];
      pending: number;
      lastError?: string;
    }[];
  };
  subscribe(listener: (event: VkEvent) => void): () => void;
  /** The first event from now on that `match` accepts; rejects after `timeoutMs` (10 s). */
  waitForEvent(match: (event: VkEvent) => boolean, timeoutMs?: number): Promise<VkEvent>;
  /** The first message of the chat, there or to come, that `match` accepts (10 s at most). */
  waitForMessage(
    community: VkCommunityRef,
    userId: number,
    match: (entry: VkChatMessage) => boolean,
    timeoutMs?: number,
  ): Promise<VkChatMessage>;
}

/** The sandbox's VK, started. */
export interface RunningVk extends VkSandbox {
  close(): Promise<void>;
}

/** What the sandbox gives its VK: what it gives each messenger. */
export type VkSetup = TelegramSetup;

const DEFAULT_WAIT_MS = 10_000;

/** Sets VK up on `setup.front` and starts its API. */
export async function startVk(setup: VkSetup, options: VkOptions = {}): Promise<RunningVk> {
  const vk = new VkState(setup.clock);
  const listener = createApiListener(setup.host, options.port ?? 0);
  let limited: { until: number; code: 6 | 9 } | undefined;
  const callbacks = new VkCallbacks({
    ...(setup.caFile ? { caFile: setup.caFile } : {}),
    retry: {
      firstMs: options.callbackRetry?.firstMs ?? 1000,
      maxMs: options.callbackRetry?.maxMs ?? 30_000,
    },
    timeoutMs: options.callbackTimeoutMs ?? 25_000,
    isDown: () => listener.outage !== undefined,
    emit: (event) => vk.emit(event),
  });
  listener.onUp(() => callbacks.wakeAll());
  let apiUrl = '';
  registerVkApi(listener.app, {
    vk,
    callbacks,
    sendRefusal: () =>
      limited && setup.clock().getTime() < limited.until ? limited.code : undefined,
    longPollServer: (state) => `${apiUrl}${longPollPath(state)}`,
  });
  registerVkLongPoll(listener.app, vk);
  registerMediaRoute(listener.app, vk.files);
  apiUrl = await listener.start();
  const waitForEvent = (match: (event: VkEvent) => boolean, timeoutMs = DEFAULT_WAIT_MS) =>
    waitFor((listener) => vk.subscribe(listener), match, timeoutMs, 'VK');
  const sandbox: RunningVk = {
    apiUrl,
    get linkBase() {
      return `${setup.frontUrl()}/vk`;
    },
    faults: {
      down: (outage) => listener.down(outage),
      up: () => listener.up(),
      slow: (ms) => listener.slow(ms),
      rateLimit(seconds, code = 9) {
        limited = { until: setup.clock().getTime() + seconds * 1000, code };
      },
      longPollFails(community, failed) {
        const { longPoll } = vk.community(community);
        if (failed === 1) longPoll.history = [];
        else if (failed === 2) longPoll.keys.clear();
        else {
          for (const key of longPoll.keys) longPoll.lost.add(key);
          longPoll.keys.clear();
        }
        for (const wake of longPoll.waiters) wake();
      },
      revokeToken(community) {
        const state = vk.community(community);
        state.community = {
          ...state.community,
          token: `vk1.a.${randomBytes(48).toString('base64url')}`,
        };
        return state.community;
      },
      async clear() {
        limited = undefined;
        listener.slow(0);
        if (listener.outage) await listener.up();
      },
    },
    createCommunity: (input) => vk.createCommunity(input),
    communities: () => vk.allCommunities(),
    user: (input) => vk.user(input),
    open: (community, user, ref) => userOpens(vk, vk.community(community), user, ref),
    write: (community, user, text) => userWrites(vk, vk.community(community), user, text),
    send: (community, user, media) =>
      userSendsMedia(vk, vk.community(community), user, media, apiUrl),
    press: (community, userId, payload) =>
      userPresses(vk, vk.community(community), userId, payload),
    allow: (community, user, allowed) => setAllowed(vk, vk.community(community), user, allowed),
    messages: (community, userId) => [...vk.chat(vk.community(community), userId).messages],
    delivery(community) {
      const state = vk.community(community);
      return {
        longPoll: {
          enabled: state.longPoll.enabled,
          events: [...state.longPoll.events],
          pending: state.longPoll.history.filter((e) => e.ts >= state.longPoll.askedTs).length,
        },
        servers: state.callbackServers.map((server) => ({
          url: server.url,
          status: server.status,
          events: [...server.events],
          pending: server.pending.length,
          ...(server.lastError ? { lastError: server.lastError } : {}),
        })),
      };
    },
    subscribe: (listener) => vk.subscribe(listener),
    waitForEvent,
    async waitForMessage(community, userId, match, timeoutMs = DEFAULT_WAIT_MS) {
      const state = vk.community(community);
      const there = state.chats.get(userId)?.messages.find(match);
      if (there) return there;
      const event = await waitForEvent(
        (e) =>
          e.type === 'message' &&
          e.community === state.community.screenName &&
          e.userId === userId &&
          match(e.entry),
        timeoutMs,
      );
      return (event as Extract<VkEvent, { type: 'message' }>).entry;
    },
    async close() {
      callbacks.close();
      // Held long polls end with the listener.
      for (const community of vk.allCommunities()) {
        for (const wake of vk.community(community).longPoll.waiters) wake();
      }
      await listener.close();
    },
  };
  registerVkControl(setup.front, sandbox, vk);
  return sandbox;
}
