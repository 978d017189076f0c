import type { OpsUser } from '../accounts';
import { answers, groupsOf } from '../accounts';
import type { Store } from '../storage/store';
import type { Order } from './order-records';

/**
 * Whether `user` may take `order`: an order of their own account that rings them — their own,
 * their group's, or one for every operator (no addressee, an external number, a manual-mode order).
 */
export async function mayAccept(store: Store, user: OpsUser, order: Order): Promise<boolean> {
  if (order.accountId !== user.accountId) return false;
  return answers(user, order.addressee, await groupsOf(store, user));
}
