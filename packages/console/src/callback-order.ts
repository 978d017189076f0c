/** A callback order as `/ops` events carry it (the fields the console shows). */
export interface CallbackOrder {
  id: string;
  widgetName: string;
  mode: 'automatic' | 'manual';
  phone: string;
  name: string | null;
  /** Slot start in epoch ms; null for "call me now". */
  slot: number | null;
  page: { url: string | null; title: string | null; referrer: string | null };
  status: 'new' | 'ringing' | 'accepted' | 'done' | 'failed';
  operator: { id: string; name: string } | null;
  note: string | null;
  createdAt: number;
  /** An external addressee: connect the visitor with this number, showing that caller id. */
  connect: { number: string; outgoingNumber: string | null } | null;
  /** The visitor's zone and wall clock when the event was sent. */
  visitor: { timeZone: string; localTime: string } | null;
}

/** A manual order's e-mail or SMS to staff, and how far its delivery got (the platform's outbox). */
export interface OrderNotification {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
}

/** Orders that need someone first: ringing, then new, then accepted; newest first within each. */
export function sortOrders(orders: Iterable<CallbackOrder>): CallbackOrder[] {
  const rank = { ringing: 0, new: 1, accepted: 2, done: 3, failed: 3 } as const;
  return [...orders].sort((a, b) => rank[a.status] - rank[b.status] || b.createdAt - a.createdAt);
}

/** Readable status names. */
export const STATUS_TEXT: Record<CallbackOrder['status'], string> = {
  new: 'New',
  ringing: 'Ringing',
  accepted: 'Accepted',
  done: 'Done',
  failed: 'Failed',
};
