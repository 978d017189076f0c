/**
 * Viber's webhook, kept by the bot's lease holder (kept-webhook.ts; Viber has no polling):
 * set_webhook at the platform's route (Viber calls it back at once, signed, and sets it only on
 * a 200), then every third of the lease get_account_info — the token still works (status 2,
 * invalidAuthToken, shows in the Studio's status) and the webhook is still ours (set again at
 * once when not).
 */
import { keepDelivery } from '../kept-webhook';
import type { HeldLease } from '../telegram/telegram-poller';
import { callViber } from './viber-api';

/** Callbacks the chat reads besides the ones Viber always sends. */
const EVENT_TYPES = ['conversation_started'];

/** One round of keeping the webhook at `url`; the failures so far after it. */
export function keepViberWebhook(lease: HeldLease, url: string, failures: number): Promise<number> {
  return keepDelivery(lease, url, failures, {
    async set(signal) {
      await callViber(
        lease.api,
        'set_webhook',
        { url, event_types: EVENT_TYPES },
        { timeoutMs: 10_000, signal },
      );
    },
    async check(signal) {
      const info = await callViber(
        lease.api,
        'get_account_info',
        {},
        { timeoutMs: 10_000, signal },
      );
      return info.webhook === url;
    },
  });
}
