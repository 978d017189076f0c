/** Placing a callback order: the contract of `POST /v1/widgets/:key/callbacks`. */
import type { PageInfo, PlatformClient } from '@frontdesk/core';

/** The order as posted: a phone and either `slot` (a slot's start, ISO UTC) or `now`. */
export interface CallbackRequest {
  /** E.164, "+79161234567" (as typed only when the widget could not load its checker). */
  phone: string;
  slot?: string;
  now?: true;
  name?: string;
  /** Present when the widget asks for consent: the visitor ticked it. */
  consent?: boolean;
  page: PageInfo;
  /** The visitor's IANA time zone: the operator sees the visitor's local time. */
  timeZone: string;
  /** The honeypot: people leave it empty, bots fill it in. */
  website: string;
  /** The visitor's token in the account: the chat then knows this phone (see core's visitorToken). */
  visitorToken?: string;
}

/** The platform's answer, 201. */
export interface CallbackOrder {
  id: string;
  status: string;
  /** The slot's start, or null for "now". */
  slot: string | null;
}

/** Sends an order under an idempotency key (the same key for a repeat of the same order). */
export type SubmitCallback = (
  request: CallbackRequest,
  idempotencyKey: string,
) => Promise<CallbackOrder>;

/** Orders go to the platform, for widget `key`. */
export function platformSubmit(client: PlatformClient, key: string): SubmitCallback {
  return (request, idempotencyKey) =>
    client.post<CallbackOrder>(
      `widgets/${encodeURIComponent(key)}/callbacks`,
      request,
      idempotencyKey,
    );
}

/** The Studio's preview: nothing leaves the page; the order is "accepted" as is. */
export const previewSubmit: SubmitCallback = async (request) => ({
  id: 'preview',
  status: 'preview',
  slot: request.slot ?? null,
});
