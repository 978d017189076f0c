/** What the outbox's transport tests send, and how they read a failed send. */
import type { OutboxMessage } from '@frontdesk/platform';
import { SendError, type Transport } from '../../src/outbox/transport';

/** A message as a claim returns it. */
export function message(channel: 'email' | 'sms', recipient: string): OutboxMessage {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    accountId: 'account',
    orderId: null,
    kind: 'order',
    channel,
    recipient,
    subject: channel === 'email' ? 'Callback order' : null,
    body: 'Call +79991234567 back',
    status: 'sending',
    attempts: 1,
    nextAttemptAt: 0,
    lastError: null,
    sentAt: null,
    failedAt: null,
    createdAt: 0,
  };
}

/** How `transport` failed to send to `recipient`. */
export async function failure(transport: Transport, recipient: string, channel: 'email' | 'sms') {
  const error = await transport.send(message(channel, recipient)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SendError)) throw new Error(`no SendError but ${String(error)}`);
  return { message: error.message, permanent: error.permanent, retryAfter: error.retryAfter };
}
