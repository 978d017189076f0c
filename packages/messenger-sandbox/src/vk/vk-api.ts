/**
 * VK's API at `<apiUrl>/method/<method>`, as dev.vk.com documents it for a community access
 * token: parameters in the query or a form-encoded (or JSON) POST body, the token as
 * `access_token` or `Authorization: Bearer`, `v` required; answers `{ response }` or
 * `{ error: { error_code, error_msg, request_params } }` — 3 unknown method, 5 authorization
 * failed, 6 too many requests per second, 8 invalid request, 9 flood control, 15 access denied,
 * 100 a parameter missing or invalid, 901 the user does not allow the community's messages, 914
 * message too long. The Bots Long Poll server (`a_check`) is vk-long-poll.ts.
 */
import type { FastifyInstance } from 'fastify';
import { isHttps } from '../webhook-post';
import type { VkCallbacks } from './vk-callbacks';
import { communityMessage, MAX_VK_TEXT } from './vk-customer';
import { newLongPollKey } from './vk-long-poll';
import { VK_API_VERSION, type VkCommunityState, type VkState } from './vk-state';

/** VK's error codes the sandbox answers, and their messages. */
export const VK_ERRORS = {
  3: 'Unknown method passed',
  5: 'User authorization failed: invalid access_token (4).',
  6: 'Too many requests per second',
  8: 'Invalid request: v is required',
  9: 'Flood control',
  15: 'Access denied: no access to this group',
  100: 'One of the parameters specified was missing or invalid',
  901: "Can't send messages for users without permission",
  914: 'Message is too long',
} as const;

/** A refusal: VK's error with the request's parameters (never the token). */
export class VkApiError extends Error {
  constructor(
    readonly code: keyof typeof VK_ERRORS,
    readonly detail?: string,
  ) {
    super(detail ? `${VK_ERRORS[code]}: ${detail}` : VK_ERRORS[code]);
  }
}

/** What the API needs besides the state. */
export interface VkApiSetup {
  vk: VkState;
  callbacks: VkCallbacks;
  /** The error sending answers now (a rate limit the test set), if any. */
  sendRefusal(): 6 | 9 | undefined;
  /** The Bots Long Poll server's URL of a community. */
  longPollServer(state: VkCommunityState): string;
}

type Params = Record<string, string>;

/** Registers `/method/*` on the API's listener. */
export function registerVkApi(app: FastifyInstance, setup: VkApiSetup): void {
  const { vk } = setup;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, text, done) => done(null, Object.fromEntries(new URLSearchParams(text as string))),
  );
  app.route({
    method: ['GET', 'POST'],
    url: '/method/:method',
    handler: async (request, reply) => {
      const method = (request.params as { method: string }).method;
      const params: Params = {};
      for (const source of [request.query, request.body]) {
        if (typeof source !== 'object' || source === null) continue;
        for (const [key, value] of Object.entries(source)) {
          if (value !== undefined && value !== null) params[key] = String(value);
        }
      }
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const token = params.access_token ?? bearer;
      delete params.access_token;
      try {
        if (!params.v) throw new VkApiError(8);
        const state = token ? vk.byToken(token) : undefined;
        if (!state) throw new VkApiError(5);
        return reply.send({ response: await call(method, state, params) });
      } catch (error) {
        if (!(error instanceof VkApiError)) throw error;
        return reply.send({
          error: {
            error_code: error.code,
            error_msg: error.message,
            request_params: [
              { key: 'method', value: method },
              { key: 'oauth', value: '1' },
              ...Object.entries(params).map(([key, value]) => ({ key, value })),
            ],
          },
        });
      }
    },
  });

  async function call(method: string, state: VkCommunityState, params: Params): Promise<unknown> {
    switch (method) {
      case 'groups.getById':
        return groupsById(state);
      case 'groups.getLongPollServer':
        ownGroup(state, params);
        return {
          key: newLongPollKey(state),
          server: setup.longPollServer(state),
          ts: String(state.longPoll.nextTs),
        };
      case 'groups.setLongPollSettings':
        ownGroup(state, params);
        if (params.enabled !== undefined) state.longPoll.enabled = params.enabled === '1';
        setEvents(state.longPoll.events, params);
        return 1;
      case 'groups.getLongPollSettings':
        ownGroup(state, params);
        return {
          is_enabled: state.longPoll.enabled,
          api_version: VK_API_VERSION,
          events: { message_new: state.longPoll.events.has('message_new') ? 1 : 0 },
        };
      case 'groups.getCallbackConfirmationCode':
        ownGroup(state, params);
        return { code: state.confirmationCode };
      case 'groups.getCallbackServers':
        ownGroup(state, params);
        return {
          count: state.callbackServers.length,
          items: state.callbackServers.map((server) => ({
            id: server.id,
            title: server.title,
            creator_id: 0,
            url: server.url,
            secret_key: server.secretKey,
            status: server.status,
          })),
        };
      case 'groups.addCallbackServer':
        return addServer(state, params);
      case 'groups.editCallbackServer':
        return editServer(state, params);
      case 'groups.deleteCallbackServer': {
        ownGroup(state, params);
        const server = serverOf(state, params);
        setup.callbacks.stop(server);
        state.callbackServers = state.callbackServers.filter((s) => s !== server);
        return 1;
      }
      case 'groups.setCallbackSettings':
        ownGroup(state, params);
        setEvents(serverOf(state, params).events, params);
        return 1;
      case 'users.get':
        return usersGet(params);
      case 'messages.send':
        return send(state, params);
      case 'messages.setActivity': {
        const chat = chatOf(state, params);
        if (params.type !== 'typing' && params.type !== 'audiomessage') {
          throw new VkApiError(100, 'type is invalid');
        }
        vk.emit({ type: 'typing', community: state.community.screenName, userId: chat.user.id });
        return 1;
      }
      default:
        throw new VkApiError(3);
    }
  }

  /** The 5.194+ shape: `{ groups, profiles }`. */
  function groupsById(state: VkCommunityState) {
    const { id, name, screenName } = state.community;
    return {
      groups: [
        {
          id,
          name,
          screen_name: screenName,
          is_closed: 0,
          type: 'group',
          photo_50: '',
          photo_100: '',
          photo_200: '',
        },
      ],
      profiles: [],
    };
  }

  /** users.get: the users named (those the sandbox knows), with their names. */
  function usersGet(params: Params) {
    const ids = required(params, 'user_ids').split(',').map(Number);
    return ids.flatMap((id) => {
      try {
        const user = vk.knownUser(id);
        return [
          {
            id: user.id,
            first_name: user.firstName,
            last_name: user.lastName,
            can_access_closed: true,
            is_closed: false,
          },
        ];
      } catch {
        return [];
      }
    });
  }

  async function addServer(state: VkCommunityState, params: Params) {
    ownGroup(state, params);
    const url = required(params, 'url');
    if (!isHttps(url)) throw new VkApiError(100, 'url is invalid');
    if (state.callbackServers.length >= 10) throw new VkApiError(100, 'too many servers');
    const server = {
      id: state.nextServerId++,
      url,
      title: (params.title ?? '').slice(0, 14),
      secretKey: params.secret_key ?? '',
      status: 'unconfigured' as const,
      events: new Set<string>(),
      pending: [],
    };
    state.callbackServers.push(server);
    await setup.callbacks.confirm(state, server);
    return { server_id: server.id };
  }

  async function editServer(state: VkCommunityState, params: Params) {
    ownGroup(state, params);
    const server = serverOf(state, params);
    const url = required(params, 'url');
    if (!isHttps(url)) throw new VkApiError(100, 'url is invalid');
    server.url = url;
    server.title = (params.title ?? server.title).slice(0, 14);
    server.secretKey = params.secret_key ?? '';
    await setup.callbacks.confirm(state, server);
    return 1;
  }

  function send(state: VkCommunityState, params: Params) {
    const chat = chatOf(state, params);
    const randomId = Number(required(params, 'random_id'));
    if (!Number.isInteger(randomId) || Math.abs(randomId) > 2 ** 31) {
      throw new VkApiError(100, 'random_id is not an int32');
    }
    const text = params.message ?? '';
    if (text === '') throw new VkApiError(100, 'message is empty');
    if (text.length > MAX_VK_TEXT) throw new VkApiError(914);
    const refusal = setup.sendRefusal();
    if (refusal) throw new VkApiError(refusal);
    if (!chat.allowed) throw new VkApiError(901);
    // VK drops a repeat of a random_id the community used with the peer: the first one's id.
    const key = `${chat.user.id}:${randomId}`;
    const earlier = state.sent.get(key);
    if (earlier !== undefined && randomId !== 0) return earlier;
    const entry = communityMessage(vk, state, chat, text, randomId, readKeyboard(params.keyboard));
    state.sent.set(key, entry.id);
    return entry.id;
  }

  function chatOf(state: VkCommunityState, params: Params) {
    const peer = Number(params.peer_id ?? params.user_id);
    const chat = Number.isInteger(peer) ? state.chats.get(peer) : undefined;
    if (!chat)
      throw new VkApiError(
        params.peer_id ? 901 : 100,
        params.peer_id ? undefined : 'peer_id is undefined',
      );
    return chat;
  }
}

/** A keyboard's text buttons (the kind the sandbox shows). @throws {VkApiError} 100 */
function readKeyboard(value: string | undefined) {
  if (value === undefined) return undefined;
  try {
    const keyboard = JSON.parse(value) as {
      buttons?: { action?: { label?: unknown; payload?: unknown } }[][];
    };
    const buttons = (keyboard.buttons ?? []).flat().map(({ action }) => {
      if (typeof action?.label !== 'string') throw new Error('no label');
      return {
        label: action.label,
        ...(typeof action.payload === 'string' ? { payload: action.payload } : {}),
      };
    });
    return buttons.length > 0 ? buttons : undefined;
  } catch {
    throw new VkApiError(100, 'keyboard is invalid');
  }
}

function required(params: Params, key: string): string {
  const value = params[key];
  if (value === undefined || value === '') throw new VkApiError(100, `${key} is undefined`);
  return value;
}

/** The `group_id` named must be the token's own community. */
function ownGroup(state: VkCommunityState, params: Params): void {
  const id = required(params, 'group_id');
  if (id !== String(state.community.id)) throw new VkApiError(15);
}

function serverOf(state: VkCommunityState, params: Params) {
  const id = Number(required(params, 'server_id'));
  const server = state.callbackServers.find((s) => s.id === id);
  if (!server) throw new VkApiError(100, 'server_id is invalid');
  return server;
}

/** Sets each event type named `<type>=1|0` among `params` (message_new is what the sandbox makes). */
function setEvents(events: Set<string>, params: Params): void {
  for (const type of ['message_new', 'message_reply', 'message_allow', 'message_deny']) {
    if (params[type] === '1') events.add(type);
    else if (params[type] === '0') events.delete(type);
  }
}
