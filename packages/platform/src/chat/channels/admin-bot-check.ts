/**
 * `POST /v1/admin/bot-check`: the Studio checks a Telegram or Viber bot token or a VK community
 * token through the messenger's own API (base URLs TELEGRAM_API_URL / VIBER_API_URL / VK_API_URL,
 * so tests run a local server speaking it) and shows the bot's or community's name, or `invalidAuthToken` for a token the API refuses. The token is the
 * one typed (`token`) or, when none is sent, the one stored on the chat widget `widget` — which
 * the Studio never sees (secrets are write-only).
 */
import {
  type BotInfo,
  TelegramTokenSchema,
  ViberTokenSchema,
  VkTokenSchema,
} from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../../accounts';
import type { AppContext } from '../../context';
import { ApiError } from '../../http/api-error';
import { type PlatformApp, routeSchema } from '../../http/route-schema';
import { ownWidget } from '../../widgets';
import { tokenSecret } from './channel-bots';
import { ownGroup, VK_ERROR, VkError } from './vk/vk-api';

const WidgetId = v.optional(v.pipe(v.string(), v.maxLength(64)));

// The token formats of the chat settings: nothing else reaches a URL path or a header.
const CheckBody = v.variant('channel', [
  v.object({
    channel: v.literal('telegram'),
    token: v.optional(TelegramTokenSchema),
    widget: WidgetId,
  }),
  v.object({ channel: v.literal('viber'), token: v.optional(ViberTokenSchema), widget: WidgetId }),
  v.object({ channel: v.literal('vk'), token: v.optional(VkTokenSchema), widget: WidgetId }),
]);

type Check = v.InferOutput<typeof CheckBody>;

/** How long the bot API may take before the Studio hears it is unavailable. */
const TIMEOUT_MS = 10_000;

const invalidToken = () =>
  new ApiError(400, 'invalidAuthToken', 'The bot API does not accept this token.', 'token');

async function ask(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    throw new ApiError(502, 'bot_api_unavailable', 'The bot API did not answer; try again later.');
  }
}

/** Telegram's getMe: `{ ok: true, result: { first_name, username } }`, 401 for a wrong token. */
async function telegramBot(base: string, token: string): Promise<BotInfo> {
  const { body } = await ask(`${base}/bot${token}/getMe`, { method: 'GET' });
  const result = (body as { ok?: boolean; result?: { first_name?: unknown; username?: unknown } })
    ?.result;
  if (!(body as { ok?: boolean })?.ok || typeof result?.username !== 'string') throw invalidToken();
  return {
    name: typeof result.first_name === 'string' ? result.first_name : result.username,
    handle: result.username,
  };
}

/** Viber's get_account_info: `{ status: 0, name, uri }`; status 2 is `invalidAuthToken`. */
async function viberBot(base: string, token: string): Promise<BotInfo> {
  const { body } = await ask(`${base}/pa/get_account_info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-viber-auth-token': token },
    body: '{}',
  });
  const info = body as { status?: unknown; name?: unknown; uri?: unknown } | null;
  if (info?.status !== 0 || typeof info.name !== 'string' || typeof info.uri !== 'string') {
    throw invalidToken();
  }
  return { name: info.name, handle: info.uri };
}

/** VK's groups.getById with a community token: the community; error 5 is `invalidAuthToken`. */
async function vkCommunity(base: string, token: string): Promise<BotInfo> {
  try {
    const group = await ownGroup({ apiUrl: base, token }, { timeoutMs: TIMEOUT_MS });
    return { name: group.name, handle: group.screenName };
  } catch (error) {
    if (error instanceof VkError && error.code === VK_ERROR.authorizationFailed)
      throw invalidToken();
    throw new ApiError(502, 'bot_api_unavailable', 'The bot API did not answer; try again later.');
  }
}

/**
 * The token to check: the one sent, else the one stored on the account's widget named.
 * @throws {ApiError} 400 `no_token` naming `token` when there is neither.
 */
async function tokenToCheck(ctx: AppContext, accountId: string, body: Check): Promise<string> {
  if (body.token !== undefined) return body.token;
  const stored =
    body.widget === undefined
      ? undefined
      : await ctx.store.secrets.get(
          { kind: 'widget', id: (await ownWidget(ctx, accountId, body.widget)).id },
          tokenSecret(body.channel),
        );
  if (stored === undefined) {
    throw new ApiError(400, 'no_token', 'Type the bot token: none is stored yet.', 'token');
  }
  return stored;
}

/** Registers `POST /v1/admin/bot-check` (admins and marketers). */
export function registerAdminBotCheck(app: PlatformApp, ctx: AppContext): void {
  app.post(
    '/v1/admin/bot-check',
    { schema: { tags: ['admin'], body: routeSchema(CheckBody) } },
    async (request): Promise<BotInfo> => {
      const { user } = await requireUser(ctx, request, ['admin', 'marketer']);
      const body = request.body;
      const token = await tokenToCheck(ctx, user.accountId, body);
      if (body.channel === 'vk') return vkCommunity(ctx.env.vkApiUrl, token);
      return body.channel === 'telegram'
        ? telegramBot(ctx.env.telegramApiUrl, token)
        : viberBot(ctx.env.viberApiUrl, token);
    },
  );
}
