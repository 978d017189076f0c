/**
 * The Bot API at `/bot<token>/<method>` (and the files getFile points to, at
 * `/file/bot<token>/<path>`): GET or POST, parameters in the query string, a JSON
 * body or a form body; method names in any case. Answers `{ ok: true, result }` or
 * `{ ok: false, error_code, description, parameters? }` with the error code as HTTP status.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { BotApiError, badRequest, notFound, unauthorized } from './api-error';
import { answerCallbackQuery } from './methods/answer-callback-query';
import { editMessageReplyMarkup } from './methods/edit-message-reply-markup';
import { getFile } from './methods/get-file';
import { getMe } from './methods/get-me';
import { getUpdates } from './methods/get-updates';
import { Described, type Method, type MethodCall } from './methods/method-call';
import { sendChatAction } from './methods/send-chat-action';
import { sendMessage } from './methods/send-message';
import { deleteWebhook, getWebhookInfo, setWebhook } from './methods/webhook-methods';
import { Params } from './params';
import type { RateLimits } from './rate-limits';
import type { TelegramState } from './telegram-state';

/** The methods served, by their name in lower case (Telegram's are case-insensitive). */
const METHODS: Record<string, Method> = Object.fromEntries(
  Object.entries({
    getMe,
    getUpdates,
    getFile,
    setWebhook,
    deleteWebhook,
    getWebhookInfo,
    sendMessage,
    sendChatAction,
    answerCallbackQuery,
    editMessageReplyMarkup,
  }).map(([name, method]) => [name.toLowerCase(), method]),
);

/** What the Bot API needs besides the request. */
export interface BotApiContext extends Pick<MethodCall, 'telegram' | 'webhooks' | 'webhookPorts'> {
  rateLimits: RateLimits;
}

function tokenOwner(telegram: TelegramState, token: string) {
  // Telegram's own check of the token's shape comes before it looks for the bot.
  if (!/^[1-9]\d*:/.test(token) || token.length > 80) {
    throw new BotApiError(401, 'Unauthorized: invalid token specified');
  }
  const state = telegram.botByToken(token);
  if (!state) throw unauthorized();
  return state;
}

/** Serves the Bot API on `app` (the Telegram listener's). */
export function registerBotApi(app: FastifyInstance, context: BotApiContext): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const failure = error instanceof BotApiError ? error : badRequest(error.message);
    return reply.code(failure.code).send(failure.toJSON());
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(notFound().toJSON()));
  // The file download getFile points to: only the bot the file was sent to gets it.
  app.get('/file/:bot/*', async (request, reply) => {
    const path = request.params as { bot: string; '*': string };
    if (!path.bot.startsWith('bot')) throw notFound();
    const state = tokenOwner(context.telegram, path.bot.slice(3));
    const id = /^(?:photos|documents)\/file_([0-9a-f]+)\.\w+$/.exec(path['*'])?.[1];
    const file = id ? context.telegram.files.get(id) : undefined;
    if (!file || file.owner !== String(state.bot.id)) throw notFound();
    return reply.type('application/octet-stream').send(file.bytes);
  });
  app.route({
    method: ['GET', 'POST'],
    url: '/:bot/:method',
    handler: async (request, reply) => {
      const path = request.params as { bot: string; method: string };
      if (!path.bot.startsWith('bot')) throw notFound();
      const state = tokenOwner(context.telegram, path.bot.slice(3));
      const method = METHODS[path.method.toLowerCase()];
      if (!method) throw new BotApiError(404, 'Not Found: method not found');
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const params = new Params({ ...(request.query as object), ...body });
      context.rateLimits.check(state.bot.id, path.method, params.integer('chat_id'));
      const hangUp = new AbortController();
      reply.raw.on('close', () => hangUp.abort());
      const result = await method({
        telegram: context.telegram,
        webhooks: context.webhooks,
        webhookPorts: context.webhookPorts,
        state,
        params,
        signal: hangUp.signal,
      });
      return result instanceof Described
        ? { ok: true, result: result.result, description: result.description }
        : { ok: true, result };
    },
  });
}
