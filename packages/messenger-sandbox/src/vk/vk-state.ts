/**
 * Everything the VK sandbox holds, in memory: communities by token and short name, the users who
 * write to them, each community's chats, its Bots Long Poll history and keys, its Callback API
 * servers and the events waiting for them; the files users sent; and the events the page and
 * tests follow.
 */
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { Clock } from '../clock';
import { ControlError, notFound, parseInput } from '../control-error';
import { MediaFiles } from '../media/media-files';
import type { VkChatMessage, VkCommunity, VkEvent, VkUser } from './vk-model';

/** The API version the sandbox answers in (the shapes of groups.getById and message_new). */
export const VK_API_VERSION = '5.199';

/** The Bots Long Poll events a community keeps; older ones are gone (`failed: 1`). */
const MAX_HISTORY = 10_000;

/** A community's chat with one user. */
export interface VkChat {
  user: VkUser;
  messages: VkChatMessage[];
  /** The user allows the community's messages (writing to it allows them); else error 901. */
  allowed: boolean;
  /** The `ref` of the link the user opened the chat from: their next message carries it. */
  ref?: string;
}

/** An event as VK sends it (Bots Long Poll and Callback API alike, without the secret). */
export interface VkUpdate {
  group_id: number;
  type: string;
  event_id: string;
  v: string;
  object: Record<string, unknown>;
}

/** A Callback API server of a community (groups.addCallbackServer). */
export interface VkCallbackServer {
  id: number;
  url: string;
  title: string;
  secretKey: string;
  /** `ok` once it answered the confirmation with the community's code. */
  status: 'unconfigured' | 'failed' | 'ok';
  /** The event types it takes (groups.setCallbackSettings). */
  events: Set<string>;
  pending: VkUpdate[];
  lastError?: string;
  /** Wakes its delivery loop. */
  kick?: () => void;
}

/** One community and everything it has. */
export interface VkCommunityState {
  community: VkCommunity;
  /** The string the Callback API's `confirmation` must be answered with. */
  confirmationCode: string;
  chats: Map<number, VkChat>;
  /** Message ids of the community's messages sent with each `<peer>:<random_id>`. */
  sent: Map<string, number>;
  nextMessageId: number;
  longPoll: {
    /** groups.setLongPollSettings: on, and the event types it carries. */
    enabled: boolean;
    events: Set<string>;
    keys: Set<string>;
    /** Keys whose information was lost: their requests answer `failed: 3`. */
    lost: Set<string>;
    /** The events kept, oldest first: `ts` is each one's number. */
    history: { ts: number; update: VkUpdate }[];
    /** The number the next event gets (what a fresh `ts` is). */
    nextTs: number;
    /** The `ts` the latest request asked from: the events from it on wait for the poller. */
    askedTs: number;
    /** Requests waiting for an event (woken when one comes). */
    waiters: Set<() => void>;
  };
  callbackServers: VkCallbackServer[];
  nextServerId: number;
}

const CommunityInput = v.object({
  name: v.pipe(v.string('name must be text'), v.trim(), v.minLength(1), v.maxLength(48)),
  screenName: v.pipe(
    v.string('screenName must be text'),
    v.regex(/^[A-Za-z][A-Za-z0-9_.]{2,31}$/, 'screenName must be 3–32 letters, digits, _ or .'),
  ),
  token: v.optional(
    v.pipe(
      v.string('token must be text'),
      v.regex(/^[A-Za-z0-9._-]{20,300}$/, 'token must be a VK access token'),
    ),
  ),
});

const UserInput = v.object({
  id: v.optional(v.pipe(v.number('id must be a number'), v.integer(), v.minValue(1))),
  name: v.pipe(v.string('name must be text'), v.trim(), v.minLength(1), v.maxLength(64)),
});

/** What the control API takes to make a user. */
export type VkUserFields = v.InferInput<typeof UserInput>;

/** A community, its short name or its token: whatever names one in the control API. */
export type VkCommunityRef = VkCommunity | string;

/** The sandbox's VK, in memory. */
export class VkState {
  private readonly communities = new Map<number, VkCommunityState>();
  private readonly users = new Map<number, VkUser>();
  private readonly listeners = new Set<(event: VkEvent) => void>();
  private nextCommunity = 228_000_001;
  private nextUser = 700_000_001;
  /** The files users sent, served at their URLs. */
  readonly files = new MediaFiles();

  constructor(readonly clock: Clock) {}

  /** @throws {ControlError} 400 for bad input, 409 for a short name or token taken. */
  createCommunity(input: unknown): VkCommunity {
    const { name, screenName, token: given } = parseInput(CommunityInput, input);
    if (this.find(screenName)) {
      throw new ControlError(409, 'taken', `A community is ${screenName}.`, 'screenName');
    }
    const token = given ?? `vk1.a.${randomBytes(48).toString('base64url')}`;
    if (this.byToken(token)) throw new ControlError(409, 'taken', 'The token is taken.', 'token');
    const community = { id: this.nextCommunity++, token, name, screenName };
    this.communities.set(community.id, {
      community,
      confirmationCode: randomBytes(4).toString('hex'),
      chats: new Map(),
      sent: new Map(),
      nextMessageId: 1,
      longPoll: {
        enabled: false,
        events: new Set(),
        keys: new Set(),
        lost: new Set(),
        history: [],
        nextTs: 1,
        askedTs: 1,
        waiters: new Set(),
      },
      callbackServers: [],
      nextServerId: 1,
    });
    return community;
  }

  allCommunities(): VkCommunity[] {
    return [...this.communities.values()].map((state) => state.community);
  }

  /** The community whose access token this is, if any. */
  byToken(token: string): VkCommunityState | undefined {
    return [...this.communities.values()].find((state) => state.community.token === token);
  }

  /** @throws {ControlError} 404 for no such community. */
  community(ref: VkCommunityRef): VkCommunityState {
    const name = typeof ref === 'string' ? ref : ref.screenName;
    const state = this.find(name);
    if (!state) throw notFound(`community ${name}`, 'community');
    return state;
  }

  private find(ref: string): VkCommunityState | undefined {
    const lower = ref.toLowerCase();
    return [...this.communities.values()].find(
      (state) =>
        state.community.screenName.toLowerCase() === lower ||
        String(state.community.id) === ref ||
        `club${state.community.id}` === lower ||
        state.community.token === ref,
    );
  }

  /** A user to play; with the `id` of one made before, that one renamed. */
  user(input: unknown): VkUser {
    const fields = parseInput(UserInput, input);
    if (fields.id !== undefined && !this.users.has(fields.id)) throw notFound('user', 'id');
    const [firstName = '', ...rest] = fields.name.split(/\s+/);
    const user: VkUser = {
      id: fields.id ?? this.nextUser++,
      firstName,
      lastName: rest.join(' '),
    };
    this.users.set(user.id, user);
    return user;
  }

  /** @throws {ControlError} 404 for a user the sandbox never made. */
  knownUser(id: number): VkUser {
    const user = this.users.get(id);
    if (!user) throw notFound(`user ${id}`, 'userId');
    return user;
  }

  /** The chat of the community with `user`, opened on first use. */
  openChat(state: VkCommunityState, user: VkUser): VkChat {
    let chat = state.chats.get(user.id);
    if (!chat) {
      chat = { user, messages: [], allowed: false };
      state.chats.set(user.id, chat);
    }
    chat.user = user;
    return chat;
  }

  /** @throws {ControlError} 404 when the user never wrote to the community. */
  chat(state: VkCommunityState, userId: number): VkChat {
    const chat = state.chats.get(userId);
    if (!chat) throw notFound(`chat of ${state.community.screenName} with ${userId}`, 'userId');
    return chat;
  }

  /**
   * Files an event of the community: into the Bots Long Poll history when long poll carries
   * its type, and to every confirmed callback server that takes it.
   */
  queue(state: VkCommunityState, type: string, object: Record<string, unknown>): void {
    const update: VkUpdate = {
      group_id: state.community.id,
      type,
      event_id: randomBytes(20).toString('hex'),
      v: VK_API_VERSION,
      object,
    };
    const { longPoll } = state;
    if (longPoll.enabled && longPoll.events.has(type)) {
      longPoll.history.push({ ts: longPoll.nextTs++, update });
      if (longPoll.history.length > MAX_HISTORY) longPoll.history.shift();
      for (const wake of longPoll.waiters) wake();
    }
    for (const server of state.callbackServers) {
      if (server.status !== 'ok' || !server.events.has(type)) continue;
      server.pending.push(update);
      server.kick?.();
    }
  }

  subscribe(listener: (event: VkEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: VkEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
