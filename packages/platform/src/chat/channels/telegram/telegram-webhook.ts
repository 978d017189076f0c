/**
 * The webhook Telegram posts a bot's updates to, in webhook mode (telegram-webhook-keeper.ts
 * sets it): `POST /v1/channels/telegram/:bot/webhook`. Every request must carry the bot's
 * current `X-Telegram-Bot-Api-Secret-Token` (compared in constant time): anything else is 401
 * and nothing is stored. An update is stored once however often Telegram delivers it; a failure
 * answers 500, so Telegram delivers it again. Any platform process answers, and notes the
 * bot's last update for the Studio's status (as a poller's cursor does).
 */
import type { Update } from '@grammyjs/types';
import * as v from 'valibot';
import { ApiError } from '../../../http/api-error';
import { type PlatformApp, routeSchema } from '../../../http/route-schema';
import { sameBytes } from '../../../http/same-bytes';
import type { ReceiveDeps } from '../receive-message';
import { telegramBots } from './telegram-bots';
import { receiveTelegramUpdate } from './telegram-receive';

const BotParams = v.object({
  bot: v.pipe(v.string(), v.regex(/^\d{1,20}$/, 'must be a bot id')),
});

/** An update as Telegram posts it: the rest is read by telegram-update.ts, which takes anything. */
const UpdateBody = v.looseObject({
  update_id: v.pipe(v.number('must be a number'), v.integer('must be a whole number')),
});

/** The webhook's URL for the bot of `credential` (`telegram:<bot id>`) under `webhookBase` (WEBHOOK_URL). */
export function telegramWebhookUrl(webhookBase: string, credential: string): string {
  return `${webhookBase}/v1/channels/telegram/${credential.slice('telegram:'.length)}/webhook`;
}

/** Registers the webhook route. */
export function registerTelegramWebhook(
  app: PlatformApp,
  deps: ReceiveDeps,
  /** TELEGRAM_API_URL: a button's press is answered there. */
  apiUrl: string,
): void {
  app.post(
    '/v1/channels/telegram/:bot/webhook',
    { schema: { tags: ['public'], params: routeSchema(BotParams), body: routeSchema(UpdateBody) } },
    async (request) => {
      const credential = `telegram:${request.params.bot}`;
      const expected = await deps.store.channels.leases.webhookSecret(credential);
      const given = request.headers['x-telegram-bot-api-secret-token'];
      if (!expected || typeof given !== 'string' || !sameBytes(given, expected)) {
        throw new ApiError(401, 'unauthorized', 'Wrong or missing secret token.');
      }
      const bot = (await telegramBots(deps.store)).get(credential);
      // A bot no widget reads any more: confirmed, so Telegram stops delivering it.
      if (!bot) return {};
      await receiveTelegramUpdate(
        deps,
        { credential, widget: bot.widget, bot: { apiUrl, token: bot.token } },
        // The schema checks update_id alone; the rest is Telegram's, read defensively.
        request.body as Update,
        undefined,
      );
      await deps.store.channels.leases.received(credential, deps.clock().getTime());
      return {};
    },
  );
}
