import { SendError, type Transport } from './transport';

/** How long one SMS request may take: well inside a claim's lease (see workers.ts). */
const TIMEOUT_MS = 15_000;

/**
 * SMS through an HTTP provider adapter at `SMS_URL`: one `POST` per message with the JSON body
 * `{ "to": "+79991234567", "text": "…" }` and the header `Idempotency-Key: <outbox message id>`
 * (the same on every attempt, so an adapter that honours it never sends twice). Any 2xx means
 * accepted. 4xx other than 408 and 429 means refused for good; everything else is retried.
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
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        const reason = (error as Error).cause ?? error;
        throw new SendError(`SMS: ${(reason as Error).message ?? String(reason)}`, false);
      }
      // The body is read either way, so the connection can be reused.
      const text = await response.text().catch(() => '');
      if (response.ok) return;
      const permanent =
        response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new SendError(`SMS: HTTP ${response.status} ${text.slice(0, 200)}`.trim(), permanent);
    },
    close() {},
  };
}
