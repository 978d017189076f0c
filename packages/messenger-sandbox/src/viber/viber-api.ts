/**
 * Viber's REST bot API at `<apiUrl>/pa/<method>`, as developers.viber.com documents it: POST
 * with a JSON body and the bot's `X-Viber-Auth-Token`; every answer is HTTP 200 with a
 * `status` (0 ok) and its `status_message` — 1 invalidUrl, 2 invalidAuthToken, 3 badData,
 * 4 missingData, 5 receiverNotRegistered, 6 notSubscribed, 10 webhookNotSet, 12
 * tooManyRequests. Message tokens are bare 64-bit numbers in the JSON.
 */
import type { FastifyInstance } from 'fastify';
import { isHttps } from '../webhook-post';
import type { ViberCallbacks } from './viber-callbacks';
import { botMessage } from './viber-customer';
import type { ViberButton, ViberKeyboard } from './viber-model';
import { CHAT_HOSTNAME, type ViberBotState, type ViberState, viberJson } from './viber-state';

/** The most text one message holds. */
export const MAX_VIBER_TEXT = 7000;

/** The callbacks set_webhook subscribes to when `event_types` is left out. */
const DEFAULT_EVENTS = [
  'delivered',
  'seen',
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
];

/** Viber's status codes and their messages. */
const STATUS = {
  0: 'ok',
  1: 'invalidUrl',
  2: 'invalidAuthToken',
  3: 'badData',
  4: 'missingData',
  5: 'receiverNotRegistered',
  6: 'notSubscribed',
  10: 'webhookNotSet',
  12: 'tooManyRequests',
} as const;

type Status = keyof typeof STATUS;

/** A refusal, as the API answers it. */
const refuse = (status: Exclude<Status, 0>, detail?: string) => ({
  status,
  status_message: detail ? `${STATUS[status]}: ${detail}` : STATUS[status],
});

/** What the API needs besides the state. */
export interface ViberApiSetup {
  viber: ViberState;
  callbacks: ViberCallbacks;
  /** Whether sending is rate-limited now (status 12). */
  rateLimited(state: ViberBotState): boolean;
}

type Body = Record<string, unknown>;

/** Registers `/pa/*` on the API's listener. */
export function registerViberApi(app: FastifyInstance, setup: ViberApiSetup): void {
  const { viber } = setup;
  // Viber reads any body as JSON, whatever its content type says.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, text === '' ? {} : JSON.parse(text as string));
    } catch {
      done(null, undefined);
    }
  });
  app.post('/pa/:method', async (request, reply) => {
    const method = (request.params as { method: string }).method;
    const token = request.headers['x-viber-auth-token'];
    const state = typeof token === 'string' ? viber.byToken(token) : undefined;
    const body = request.body as Body | undefined;
    const answer = !state
      ? refuse(2)
      : body === undefined || typeof body !== 'object' || Array.isArray(body)
        ? refuse(3, 'the body is not JSON')
        : await call(method, state, body);
    return reply.type('application/json').send(viberJson(answer));
  });

  async function call(method: string, state: ViberBotState, body: Body): Promise<object> {
    switch (method) {
      case 'set_webhook':
        return setWebhook(state, body);
      case 'send_message':
        return sendMessage(state, body);
      case 'get_account_info':
        return accountInfo(state);
      default:
        return refuse(3, `no method ${method}`);
    }
  }

  async function setWebhook(state: ViberBotState, body: Body): Promise<object> {
    const url = body.url;
    if (typeof url !== 'string') return refuse(4, 'url');
    if (url === '') {
      delete state.webhook;
      state.pending = [];
      setup.callbacks.stop(state);
      return { status: 0, status_message: 'ok' };
    }
    if (!isHttps(url)) return refuse(1);
    const types = Array.isArray(body.event_types)
      ? body.event_types.filter((t): t is string => typeof t === 'string')
      : DEFAULT_EVENTS;
    // Viber calls the URL back first and sets it only on a 200.
    const failure = await setup.callbacks.check(state, url, {
      event: 'webhook',
      timestamp: viber.clock().getTime(),
      chat_hostname: CHAT_HOSTNAME,
      message_token: viber.newToken(),
    });
    if (failure !== undefined) return refuse(1, failure);
    state.webhook = { url, eventTypes: types, sendName: body.send_name === true };
    setup.callbacks.restart(state);
    return { status: 0, status_message: 'ok', chat_hostname: CHAT_HOSTNAME, event_types: types };
  }

  function sendMessage(state: ViberBotState, body: Body): object {
    if (!state.webhook) return refuse(10);
    const { receiver, type, text } = body;
    const sender = body.sender as { name?: unknown } | undefined;
    if (typeof receiver !== 'string' || receiver === '') return refuse(4, 'receiver');
    if (typeof sender?.name !== 'string' || sender.name === '') return refuse(4, 'sender.name');
    if (sender.name.length > 28) return refuse(3, 'sender.name is longer than 28 characters');
    if (type !== 'text') return refuse(3, 'only type text is modelled');
    if (typeof text !== 'string' || text === '') return refuse(4, 'text');
    if (text.length > MAX_VIBER_TEXT) return refuse(3, `text is longer than ${MAX_VIBER_TEXT}`);
    const keyboard = readKeyboard(body.keyboard);
    if (keyboard === null) return refuse(3, 'keyboard');
    const chat = state.chats.get(receiver);
    if (!chat) return refuse(5);
    if (!chat.subscribed) return refuse(6);
    if (setup.rateLimited(state)) return refuse(12);
    const entry = botMessage(viber, state, chat, text, sender.name, keyboard);
    return {
      status: 0,
      status_message: 'ok',
      message_token: entry.token,
      chat_hostname: CHAT_HOSTNAME,
      billing_status: 1,
    };
  }

  function accountInfo(state: ViberBotState): object {
    const subscribers = [...state.chats.values()].filter((chat) => chat.subscribed).length;
    return {
      status: 0,
      status_message: 'ok',
      id: state.bot.id,
      chat_hostname: CHAT_HOSTNAME,
      name: state.bot.name,
      uri: state.bot.uri,
      icon: '',
      background: '',
      category: 'Companies',
      subcategory: 'Services',
      location: { lat: 0, lon: 0 },
      country: 'GB',
      webhook: state.webhook?.url ?? '',
      event_types: state.webhook?.eventTypes ?? [],
      subscribers_count: subscribers,
      members: [{ id: 'admin-1', name: 'Admin', avatar: '', role: 'admin' }],
    };
  }
}

/** A keyboard as sent (undefined: none; null: not a keyboard Viber takes). */
function readKeyboard(value: unknown): ViberKeyboard | undefined | null {
  if (value === undefined) return undefined;
  const keyboard = value as { Type?: unknown; Buttons?: unknown };
  if (keyboard?.Type !== 'keyboard' || !Array.isArray(keyboard.Buttons)) return null;
  const buttons = keyboard.Buttons as ViberButton[];
  const good = buttons.every(
    (b) =>
      typeof b?.ActionBody === 'string' && (b.Text === undefined || typeof b.Text === 'string'),
  );
  return good && buttons.length > 0 && buttons.length <= 24
    ? { Type: 'keyboard', Buttons: buttons }
    : null;
}
