/**
 * One round of keeping a messenger's delivery to the platform by its lease holder, where the
 * messenger has no polling or is told not to (Viber's webhook, a Facebook page's subscription of
 * the app, a VK community's callback server): renew the lease; when `url` is not what the lease
 * recorded, record it (and a new secret, if the messenger takes one) under the fence and `set` it
 * at the messenger; else `check` that the messenger still has it (false: set it again at once);
 * then wait a third of the lease. Failures are noted on the lease for the Studio's status.
 */
import type { HeldLease } from './telegram/telegram-poller';

/** The messenger's side of a round. */
export interface KeptDelivery {
  /**
   * Sets the delivery at the messenger, with `secret` when it has one: what each delivery must
   * carry (VK's callback secret), recorded on the lease first.
   */
  set(signal: AbortSignal, secret: string): Promise<void>;
  /** Makes a secret for each new setting; none (the default) where the messenger signs itself. */
  secret?: () => string;
  /** Whether the messenger still delivers to `url`. */
  check(signal: AbortSignal): Promise<boolean>;
}

/** One round; the failures so far after it. */
export async function keepDelivery(
  lease: HeldLease,
  url: string,
  failures: number,
  kept: KeptDelivery,
): Promise<number> {
  const { credential, fence, signal } = lease;
  if (!(await lease.renew())) return 0;
  try {
    if (lease.webhookUrl !== url) {
      // No secret where the messenger signs with the token (Viber) or the app secret (Facebook).
      const webhook = { url, secret: kept.secret?.() ?? '' };
      if (!(await lease.store.channels.leases.setWebhook({ credential, fence, webhook }))) {
        return lease.lose();
      }
      await kept.set(signal, webhook.secret);
      lease.webhookUrl = url;
      lease.emit({ type: 'webhook', credential, url });
    } else if (!(await kept.check(signal))) {
      lease.webhookUrl = null;
      return failures;
    }
    await lease.note(null);
  } catch (error) {
    if (signal.aborted) return failures;
    return lease.failed(error, failures);
  }
  await lease.waitOnClock(lease.tuning.leaseMs / 3);
  return 0;
}
