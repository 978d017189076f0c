/**
 * Webhook mode of one bot, kept by its lease holder: the webhook is set at the platform's route
 * (PUBLIC_URL, https) with a new secret_token, stored first under the fence so that the route
 * (telegram-webhook.ts) checks every request against it; then, every third of the lease, the
 * lease is renewed and getWebhookInfo read, so the Studio's status shows Telegram's last failed
 * delivery while updates wait. Someone else's setWebhook is undone the same way.
 */
import { randomToken } from '../../random-token';
import { callTelegram } from './telegram-api';
import type { HeldLease } from './telegram-poller';
import { ALLOWED_UPDATES } from './telegram-update';

/** How long one setWebhook or getWebhookInfo may take. */
const CALL_TIMEOUT_MS = 10_000;

/** One round of keeping the webhook at `url`; the failures so far after it. */
export async function keepWebhook(
  lease: HeldLease,
  url: string,
  failures: number,
): Promise<number> {
  const { credential, fence, signal } = lease;
  if (!(await lease.renew())) return 0;
  try {
    if (lease.webhookUrl !== url) {
      const secret = randomToken();
      const webhook = { url, secret };
      if (!(await lease.store.channels.leases.setWebhook({ credential, fence, webhook }))) {
        return lease.lose();
      }
      await callTelegram(
        lease.api,
        'setWebhook',
        { url, secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] },
        { timeoutMs: CALL_TIMEOUT_MS, signal },
      );
      lease.webhookUrl = url;
      lease.emit({ type: 'webhook', credential, url });
      await lease.note(null);
    } else {
      const info = await callTelegram(lease.api, 'getWebhookInfo', undefined, {
        timeoutMs: CALL_TIMEOUT_MS,
        signal,
      });
      if (info.url !== url) {
        // Changed behind our back: set again (with a new secret) at once.
        lease.webhookUrl = null;
        return failures;
      }
      const failing = info.pending_update_count > 0 && info.last_error_message;
      await lease.note(failing ? `Telegram: ${info.last_error_message}` : null);
    }
  } catch (error) {
    if (signal.aborted) return failures;
    return lease.failed(error, failures);
  }
  await lease.waitOnClock(lease.tuning.leaseMs / 3);
  return 0;
}
