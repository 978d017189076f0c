import type { User } from '../accounts/account-records';
import type { Store } from '../storage/store';
import type { Order } from './order-records';

/** Roles that answer the account's calls. */
export const ANSWERING: readonly User['role'][] = ['operator', 'admin'];

/**
 * Whether `user` may take `order`: an order of their own account that rings them — their own,
 * their group's (membership as it is now), or one for every operator (no addressee, an external
 * number, a manual-mode order).
 */
export async function mayAccept(store: Store, user: User, order: Order): Promise<boolean> {
  if (order.accountId !== user.accountId) return false;
  const { addressee } = order;
  if (addressee?.kind === 'employee') return addressee.id === user.id;
  if (addressee?.kind === 'group') {
    const group = await store.groups.get(addressee.id);
    return group?.accountId === user.accountId && group.memberIds.includes(user.id);
  }
  return ANSWERING.includes(user.role);
}
