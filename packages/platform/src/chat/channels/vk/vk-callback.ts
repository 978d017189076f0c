/**
 * The route VK's Callback API posts a community's events to, in Callback API mode
 * (vk-callback-keeper.ts adds it): `POST /v1/channels/vk/:community/callback`, `:community` the
 * digest of the credential. `confirmation` is answered with the community's code
 * (groups.getCallbackConfirmationCode, asked with its token); every other event must carry the
 * server's current `secret` (compared in constant time), else 401 and nothing is stored. An event
 * is stored once however often VK posts it and answered `ok`; a failure answers 500, so VK posts
 * it again. Any platform process answers, and notes the community's last update for the Studio.
 */
import * as v from 'valibot';
import { ApiError } from '../../../http/api-error';
import { type PlatformApp, routeSchema } from '../../../http/route-schema';
import { sameBytes } from '../../../http/same-bytes';
import type { ReceiveDeps } from '../receive-message';
import { callVk } from './vk-api';
import { vkCommunities } from './vk-communities';
import { readVkUpdate } from './vk-event';
import { vkUserName } from './vk-profile';
import { receiveVkEvent } from './vk-receive';

const CommunityParams = v.object({
  community: v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/, 'must be a community digest')),
});

/** An event as VK posts it: the rest is read by vk-event.ts, which takes anything. */
const EventBody = v.looseObject({
  type: v.pipe(v.string('must be text'), v.maxLength(100)),
  group_id: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'))),
  secret: v.optional(v.string('must be text')),
});

/** The route's URL for the community of `credential` (`vk:<digest>`) under `base` (WEBHOOK_URL). */
export function vkCallbackUrl(base: string, credential: string): string {
  return `${base}/v1/channels/vk/${credential.slice('vk:'.length)}/callback`;
}

/** Registers the route; the confirmation code is asked of VK_API_URL (`apiUrl`). */
export function registerVkCallback(app: PlatformApp, deps: ReceiveDeps, apiUrl: string): void {
  app.post(
    '/v1/channels/vk/:community/callback',
    {
      schema: {
        tags: ['public'],
        params: routeSchema(CommunityParams),
        body: routeSchema(EventBody),
      },
    },
    async (request, reply) => {
      const credential = `vk:${request.params.community}`;
      const community = (await vkCommunities(deps.store)).get(credential);
      const body = request.body;
      if (community?.mode !== 'callback') {
        throw new ApiError(404, 'not_found', 'No community reads its events here.');
      }
      const api = { apiUrl, token: community.token };
      if (body.type === 'confirmation') {
        const answer = (await callVk(
          api,
          'groups.getCallbackConfirmationCode',
          { group_id: body.group_id ?? 0 },
          {
            timeoutMs: 10_000,
          },
        )) as { code?: unknown };
        if (typeof answer?.code !== 'string') throw new Error('VK gave no confirmation code');
        return reply.type('text/plain').send(answer.code);
      }
      const expected = await deps.store.channels.leases.webhookSecret(credential);
      if (!expected || typeof body.secret !== 'string' || !sameBytes(body.secret, expected)) {
        throw new ApiError(401, 'unauthorized', 'Wrong or missing secret.');
      }
      await receiveVkEvent(
        deps,
        { credential, widget: community.widget },
        readVkUpdate(body),
        undefined,
        (userId) => vkUserName(api, userId),
      );
      await deps.store.channels.leases.received(credential, deps.clock().getTime());
      return reply.type('text/plain').send('ok');
    },
  );
}
