/** Callback orders on `/ops` (packages/platform/OPS-EVENTS.md): what the operator console hears. */
import type { CallbackOrder } from './callback-order';

/**
 * An order on `/ops` (`callback:ringing`, `callback:updated`, the answers of `callback:list`,
 * `callback:accept`, `callback:done`, `callback:fail`): the order, plus what an operator needs at
 * a glance — whom to connect for an external addressee, and the visitor's wall clock when their
 * zone is known.
 */
export interface OpsOrder extends CallbackOrder {
  /** An external addressee: the number to connect the visitor with, and the caller id to show. */
  connect: { number: string; outgoingNumber: string | null } | null;
  /** The visitor's zone and local time (ISO 8601 with offset) at the time of the event. */
  visitor: { timeZone: string; localTime: string } | null;
}

/** `callback:taken`: someone accepted an order that rang these operators. */
export interface OrderTaken {
  id: string;
  by: { id: string; name: string } | null;
}
