/**
 * A page's subscription, kept by its lease holder: `POST /{page-id}/subscribed_apps` with the
 * fields the chat reads (Facebook then posts the page's events to the app's webhook), then every
 * third of the lease the lease is renewed and the subscription read back — a Page token Facebook
 * no longer takes (190) shows in the Studio's status; a subscription gone is made again.
 */
import type { HeldLease } from '../telegram/telegram-poller';
import { callGraph } from './facebook-api';

/** The fields the chat reads. */
export const SUBSCRIBED_FIELDS = 'messages,messaging_postbacks,messaging_referrals';

/** One round of keeping the page subscribed (`url` marks what is kept); the failures after it. */
export async function keepFacebookSubscription(
  lease: HeldLease,
  url: string,
  failures: number,
): Promise<number> {
  const { credential, fence, signal } = lease;
  if (!(await lease.renew())) return 0;
  const pageId = credential.slice('facebook:'.length);
  const api = { graphUrl: lease.api.apiUrl, token: lease.api.token };
  const options = { timeoutMs: 10_000, signal };
  try {
    if (lease.webhookUrl !== url) {
      if (
        !(await lease.store.channels.leases.setWebhook({
          credential,
          fence,
          webhook: { url, secret: '' },
        }))
      ) {
        return lease.lose();
      }
      await callGraph(
        api,
        `/${pageId}/subscribed_apps`,
        { subscribed_fields: SUBSCRIBED_FIELDS },
        options,
      );
      lease.webhookUrl = url;
      lease.emit({ type: 'webhook', credential, url });
    } else {
      const apps = await callGraph(api, `/${pageId}/subscribed_apps`, undefined, options);
      if (!Array.isArray(apps.data) || apps.data.length === 0) {
        lease.webhookUrl = null;
        return failures;
      }
    }
    await lease.note(null);
  } catch (error) {
    if (signal.aborted) return failures;
    return lease.failed(error, failures);
  }
  await lease.waitOnClock(lease.tuning.leaseMs / 3);
  return 0;
}
