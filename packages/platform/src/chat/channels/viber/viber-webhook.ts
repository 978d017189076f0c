/**
 * The webhook Viber posts a bot's callbacks to (viber-webhook-keeper.ts sets it):
 * `POST /v1/channels/viber/:bot/webhook`, `:bot` the digest of the credential. Every request
 * must carry `X-Viber-Content-Signature`, the hex HMAC-SHA256 of the raw body keyed with the
 * bot's auth token (compared in constant time): anything else is 401 and nothing is stored. A
 * message is stored once (by its `message_token`) however often Viber posts it; a failure
 * answers 500, so Viber posts it again. Any platform process answers, and notes the bot's last
 * update for the Studio's status.
 */
import * as v from 'valibot';
import { ApiError } from '../../../http/api-error';
import { type PlatformApp, routeSchema } from '../../../http/route-schema';
import { hmacMatches, rawBodyOf, withRawBody } from '../raw-body';
import type { ReceiveDeps } from '../receive-message';
import { viberBots } from './viber-bots';
import { readViberEvent } from './viber-event';
import { receiveViberEvent } from './viber-receive';

const BotParams = v.object({
  bot: v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/, 'must be a bot digest')),
});

/** The webhook's URL for the bot of `credential` (`viber:<digest>`) under `base`. */
export function viberWebhookUrl(base: string, credential: string): string {
  return `${base}/v1/channels/viber/${credential.slice('viber:'.length)}/webhook`;
}

/** Registers the webhook route. */
export function registerViberWebhook(app: PlatformApp, deps: ReceiveDeps): void {
  withRawBody(app, (scope) => {
    scope.post(
      '/v1/channels/viber/:bot/webhook',
      { schema: { tags: ['public'], params: routeSchema(BotParams) } },
      async (request) => {
        const credential = `viber:${request.params.bot}`;
        const bot = (await viberBots(deps.store)).get(credential);
        const raw = rawBodyOf(request);
        const given = request.headers['x-viber-content-signature'];
        if (!bot || typeof given !== 'string' || !hmacMatches(raw, given, bot.token)) {
          throw new ApiError(401, 'unauthorized', 'Wrong or missing signature.');
        }
        const body = request.body as Record<string, unknown> | null;
        if (typeof body !== 'object' || body === null) return {};
        // 64-bit: read from the text, where a JSON number has not lost digits.
        const token = /"message_token"\s*:\s*"?(\d{1,20})/.exec(raw)?.[1];
        if (!token) return {};
        await receiveViberEvent(
          deps,
          { credential, widget: bot.widget },
          readViberEvent(body),
          token,
        );
        // The Studio's "last update", as the poller's cursor notes Telegram's.
        await deps.store.channels.leases.received(credential, deps.clock().getTime());
        return {};
      },
    );
  });
}
