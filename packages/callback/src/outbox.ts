/**
 * Offline orders: an order the visitor placed while the network was down is kept — its
 * idempotency key with its exact body — in the widget's storage (the visitor's submit is their
 * consent) and sent when the browser is back online or on the next page load. Sent with the same
 * key every time, so the platform stores it once however often it arrives; deleted from the
 * browser as soon as the platform confirms it, or says it can never succeed.
 */
import { type ConsentStorage, outbox, PlatformError } from '@frontdesk/core';
import type { CallbackOrder, CallbackRequest, SubmitCallback } from './submit-callback';

/** An order waiting for the network. */
export interface KeptOrder {
  /** Its idempotency key, the same on every attempt. */
  key: string;
  request: CallbackRequest;
}

/** The orders kept under `name` in `storage`. */
export function orderOutbox(storage: ConsentStorage, name: string) {
  return outbox<KeptOrder>(storage, name, (order) => order.key);
}

/** A platform answer that sending again cannot change (4xx but timeouts and rate limits). */
function permanent(error: unknown): error is PlatformError {
  return (
    error instanceof PlatformError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

/** What {@link sendKept} reports. */
export interface SendKeptEvents {
  /** The platform stored the order (201, or its replay). */
  sent(order: CallbackOrder): void;
  /** The platform refused it for good: the order is dropped. */
  refused(error: PlatformError): void;
}

/**
 * Sends the orders kept under `name`, one by one, each with its own key; deletes each one the
 * platform confirms or refuses for good. Stops at a network error or a 5xx: the rest stay kept.
 */
export async function sendKept(
  storage: ConsentStorage,
  name: string,
  submit: SubmitCallback,
  events: SendKeptEvents,
): Promise<void> {
  const kept = orderOutbox(storage, name);
  for (const order of kept.list()) {
    const drop = () => kept.drop(order.key);
    try {
      const placed = await submit(order.request, order.key);
      drop();
      events.sent(placed);
    } catch (error) {
      if (!permanent(error)) return;
      drop();
      events.refused(error);
    }
  }
}
