/**
 * A page's subscription, kept by its lease holder (kept-webhook.ts): `POST /{page-id}/
 * subscribed_apps` with the fields the chat reads (Facebook then posts the page's events to the
 * app's webhook), read back every third of the lease — a Page token Facebook no longer takes
 * (190) shows in the Studio's status; a subscription gone is made again.
 */
import { keepDelivery } from '../kept-webhook';
import type { HeldLease } from '../telegram/telegram-poller';
import { callGraph } from './facebook-api';

/** The fields the chat reads. */
export const SUBSCRIBED_FIELDS = 'messages,messaging_postbacks,messaging_referrals';

/** One round of keeping the page subscribed (`url` marks it on the lease). */
export function keepFacebookSubscription(
  lease: HeldLease,
  url: string,
  failures: number,
): Promise<number> {
  const path = `/${lease.credential.slice('facebook:'.length)}/subscribed_apps`;
  const api = { graphUrl: lease.api.apiUrl, token: lease.api.token };
  return keepDelivery(lease, url, failures, {
    async set(signal) {
      await callGraph(
        api,
        path,
        { subscribed_fields: SUBSCRIBED_FIELDS },
        { timeoutMs: 10_000, signal },
      );
    },
    async check(signal) {
      const apps = await callGraph(api, path, undefined, { timeoutMs: 10_000, signal });
      return Array.isArray(apps.data) && apps.data.length > 0;
    },
  });
}
