/**
 * Whom an automatic order calls first (ORDERS.md, "Automatic mode: the platform calls"): the
 * external addressee's number; an employee's console softphone and external phone; a group's
 * members' consoles and phones; with no addressee, every operator's and admin's console — all at
 * once, as a call widget's forwarding rings them together.
 */
import { ANSWERING_ROLES, type User } from '../accounts';
import type { CallbackAddressee } from '../calls';
import type { Store } from '../storage/store';
import type { Order } from './order-records';

/** One of those called first, and the employee who talks when they answer (null: external). */
export interface CallbackTarget {
  addressee: CallbackAddressee;
  operator: { id: string; name: string } | null;
}

/** The targets of `order`; see the module comment. */
export async function callbackTargets(
  store: Store,
  order: Pick<Order, 'accountId' | 'addressee'>,
): Promise<CallbackTarget[]> {
  const { addressee } = order;
  if (addressee?.kind === 'external') {
    return [{ addressee: { kind: 'number', number: addressee.number }, operator: null }];
  }
  let people: (User | undefined)[];
  if (addressee?.kind === 'employee') people = [await store.users.get(addressee.id)];
  else if (addressee?.kind === 'group') {
    const group = await store.groups.get(addressee.id);
    people = await Promise.all((group?.memberIds ?? []).map((id) => store.users.get(id)));
  } else {
    people = (await store.users.list(order.accountId)).filter((user) =>
      ANSWERING_ROLES.includes(user.role),
    );
  }
  return people.flatMap((user): CallbackTarget[] => {
    if (user?.accountId !== order.accountId) return [];
    const operator = { id: user.id, name: user.name };
    const console: CallbackTarget = {
      addressee: { kind: 'console', operatorId: user.id },
      operator,
    };
    return user.phone
      ? [console, { addressee: { kind: 'number', number: user.phone }, operator }]
      : [console];
  });
}
