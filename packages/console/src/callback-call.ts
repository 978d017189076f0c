/**
 * A call the platform places to this console for an automatic callback order (SIP-EDGE.md, "The
 * automatic callback's calls"): the edge's `X-Frontdesk-Callback` header names the order, so the
 * operator sees whom they are about to be connected with before answering.
 */
import { headerObject } from './caller-info';

/** The order an automatic callback calls this console for. */
export interface CallbackCallOrder {
  id: string;
  /** The visitor's number, E.164. */
  phone: string;
  name: string | null;
  widget: { id: string; name: string };
}

/** The order from the `X-Frontdesk-Callback` header, or null (a call from the site). */
export function parseCallbackOrder(header: string | undefined): CallbackCallOrder | null {
  const value = headerObject(header);
  const widget = value?.widget as Record<string, unknown> | undefined;
  if (
    typeof value?.id !== 'string' ||
    typeof value.phone !== 'string' ||
    typeof widget?.name !== 'string'
  ) {
    return null;
  }
  return {
    id: value.id,
    phone: value.phone,
    name: typeof value.name === 'string' ? value.name : null,
    widget: { id: String(widget.id ?? ''), name: widget.name },
  };
}

/** Who the call is about, as the pop-up and the announcement say it: "Ivan, +7…". */
export function orderCaller(order: CallbackCallOrder): string {
  return order.name ? `${order.name}, ${order.phone}` : order.phone;
}
