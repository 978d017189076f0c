/**
 * The app's webhook (webhooks belong to the app, not a page): `GET /v1/channels/facebook/webhook`
 * answers the Dashboard's verification (`hub.mode=subscribe` with FACEBOOK_VERIFY_TOKEN: the
 * challenge back; anything else 403); `POST` the same path takes the events, each request signed
 * in `X-Hub-Signature-256` (`sha256=` and the hex HMAC-SHA256 of the raw body keyed with
 * FACEBOOK_APP_SECRET; otherwise 401, nothing stored). Each entry goes to the widget whose
 * Facebook page is `entry[].id`; a message is stored once by its `mid`; a failure answers 500,
 * so Facebook posts it again.
 */
import * as v from 'valibot';
import { ApiError } from '../../../http/api-error';
import { type PlatformApp, routeSchema } from '../../../http/route-schema';
import { hmacMatches, rawBodyOf, withRawBody } from '../raw-body';
import type { ReceiveDeps } from '../receive-message';
import { facebookCredential } from './facebook-api';
import { readFacebookEvent } from './facebook-event';
import { facebookPages } from './facebook-pages';
import { facebookProfileName } from './facebook-profile';
import { receiveFacebookEvent } from './facebook-receive';

const VerifyQuery = v.object({
  'hub.mode': v.optional(v.string()),
  'hub.verify_token': v.optional(v.string()),
  'hub.challenge': v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/** The app's webhook URL under `base` (WEBHOOK_URL): what the Dashboard is given. */
export function facebookWebhookUrl(base: string): string {
  return `${base}/v1/channels/facebook/webhook`;
}

/**
 * Registers both routes; without an app (no FACEBOOK_APP_SECRET) they refuse everything. People
 * are named from the Graph API at `graphUrl` (FACEBOOK_GRAPH_URL).
 */
export function registerFacebookWebhook(
  app: PlatformApp,
  deps: ReceiveDeps,
  facebook: { secret: string; verifyToken: string } | undefined,
  graphUrl: string,
): void {
  app.get(
    '/v1/channels/facebook/webhook',
    { schema: { tags: ['public'], querystring: routeSchema(VerifyQuery) } },
    async (request, reply) => {
      const query = request.query;
      const expected = facebook?.verifyToken;
      if (
        !expected ||
        query['hub.mode'] !== 'subscribe' ||
        query['hub.verify_token'] !== expected
      ) {
        throw new ApiError(403, 'forbidden', 'Wrong verify token.');
      }
      return reply.type('text/plain').send(query['hub.challenge'] ?? '');
    },
  );
  withRawBody(app, (scope) => {
    scope.post(
      '/v1/channels/facebook/webhook',
      { schema: { tags: ['public'] } },
      async (request) => {
        const given = request.headers['x-hub-signature-256'];
        const hex = typeof given === 'string' && given.startsWith('sha256=') ? given.slice(7) : '';
        if (!facebook || !hmacMatches(rawBodyOf(request), hex, facebook.secret)) {
          throw new ApiError(401, 'unauthorized', 'Wrong or missing signature.');
        }
        const body = request.body as { object?: unknown; entry?: unknown } | null;
        if (body?.object !== 'page' || !Array.isArray(body.entry)) return 'EVENT_RECEIVED';
        const pages = await facebookPages(deps.store);
        for (const entry of body.entry as { id?: unknown; messaging?: unknown }[]) {
          const credential = facebookCredential(String(entry?.id ?? ''));
          const page = pages.get(credential);
          // A page no widget reads: confirmed, so Facebook stops posting it.
          if (!page || !Array.isArray(entry.messaging)) continue;
          for (const item of entry.messaging as Record<string, unknown>[]) {
            await receiveFacebookEvent(
              deps,
              { credential, widget: page.widget },
              readFacebookEvent(item),
              (psid) => facebookProfileName({ graphUrl, token: page.token }, psid),
            );
          }
          await deps.store.channels.leases.received(credential, deps.clock().getTime());
        }
        return 'EVENT_RECEIVED';
      },
    );
  });
}
