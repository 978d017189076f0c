/**
 * Viber's webhook, kept by the bot's lease holder (Viber has no polling): set_webhook at the
 * platform's route (Viber calls it back at once, signed, and sets it only on a 200), then every
 * third of the lease the lease is renewed and get_account_info read — the token still works
 * (status 2, invalidAuthToken, shows in the Studio's status) and the webhook is still ours (set
 * again at once when not).
 */
import type { HeldLease } from '../telegram/telegram-poller';
import { callViber } from './viber-api';

const CALL_TIMEOUT_MS = 10_000;

/** Callbacks the chat reads besides the ones Viber always sends. */
const EVENT_TYPES = ['conversation_started'];

/** One round of keeping the webhook at `url`; the failures so far after it. */
export async function keepViberWebhook(
  lease: HeldLease,
  url: string,
  failures: number,
): Promise<number> {
  const { credential, fence, signal } = lease;
  if (!(await lease.renew())) return 0;
  const options = { timeoutMs: CALL_TIMEOUT_MS, signal };
  try {
    if (lease.webhookUrl !== url) {
      // No secret: the callbacks are signed with the token itself.
      const webhook = { url, secret: '' };
      if (!(await lease.store.channels.leases.setWebhook({ credential, fence, webhook }))) {
        return lease.lose();
      }
      await callViber(lease.api, 'set_webhook', { url, event_types: EVENT_TYPES }, options);
      lease.webhookUrl = url;
      lease.emit({ type: 'webhook', credential, url });
    } else {
      const info = await callViber(lease.api, 'get_account_info', {}, options);
      if (info.webhook !== url) {
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
