import { SendError, type Transport } from './transport';

/** How long one SMS request may take: well inside a claim's lease (see workers.ts). */
const TIMEOUT_MS = 15_000;

/**
 * SMS through an HTTP provider adapter at `SMS_URL`: one `POST` per message with the JSON body
 * `{ "to": "+79991234567", "text": "…" }` and the header `Idempotency-Key: <outbox message id>`
 * (the same on every attempt, so an adapter that honours it never sends twice). Any 2xx means
 * accepted; 400 and 422 mean this number or text is refused for good. Everything else is the
 * provider or its configuration and is retried: 401/402/403 (its account), 404, 429 (after its
 * `Retry-After`, not counted as an attempt), 5xx, no answer within 15 s, and a redirect (never
 * followed: it would turn the POST into a GET without the message).
 */
export function smsTransport(smsUrl: string): Transport {
  return {
    async send(message) {
      let response: Response;
      try {
        response = await fetch(smsUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
          body: JSON.stringify({ to: message.recipient, text: message.body }),
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        const reason = (error as Error).cause ?? error;
        throw new SendError(`SMS: ${(reason as Error).message ?? String(reason)}`, false);
      }
      // The body is read either way, so the connection can be reused.
      const text = await response.text().catch(() => '');
      if (response.ok) return;
      const status = response.status;
      if (status >= 300 && status < 400) {
        throw new SendError(
          `SMS: HTTP ${status} redirect to ${redirectTarget(response, smsUrl)}: SMS_URL must name the adapter itself`,
          false,
        );
      }
      throw new SendError(
        `SMS: HTTP ${status} ${text.slice(0, 200)}`.trim(),
        status === 400 || status === 422,
        status === 429 ? response.headers.get('retry-after') : undefined,
      );
    },
    close() {},
  };
}

/**
 * Where a redirect points, for the outbox's last error (which admins read and the alert e-mails):
 * its origin and path only — a provider's redirect repeats SMS_URL's query and user, its key.
 */
function redirectTarget(response: Response, smsUrl: string): string {
  const location = response.headers.get('location');
  if (location === null) return 'nowhere';
  if (!URL.canParse(location, smsUrl)) return 'an address that is no URL';
  const { origin, pathname } = new URL(location, smsUrl);
  return `${origin}${pathname}`.slice(0, 200);
}
