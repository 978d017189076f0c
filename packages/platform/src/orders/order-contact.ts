/**
 * Every placed order's caller goes to the address book: the order's phone and name make or find
 * the contact (the visitor's too, when the order carried their token), and the order points at
 * it, so it stays on the contact's timeline through edits and merges.
 */
import type { Store } from '../storage/store';

/** Remembers the caller of order `orderId` and ties the order to their contact. */
export async function rememberOrderContact(
  store: Store,
  order: { id: string; accountId: string; phone: string; name: string | null },
  visitorId: string | undefined,
  now: number,
): Promise<void> {
  const contact = await store.addressBook.remember({
    accountId: order.accountId,
    visitorId: visitorId ?? null,
    phone: order.phone,
    name: order.name,
    now,
  });
  await store.addressBook.linkOrder(order.id, contact.id);
}
