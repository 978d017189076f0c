/**
 * Who answers an enquiry (an order, a conversation, a call): the one rule the orders, the chat and
 * the SIP lines share. An enquiry addressed to an employee is theirs, one addressed to a group is
 * its members' (membership as it is now), and any other (nobody in particular, the account, an
 * external number, a manual-mode order) is every answering user's of the account.
 */
import type { Store } from '../storage/store';
import type { OpsUser, User } from './account-records';

/** Roles that answer the account's calls and chats; admins may too (the console's softphone). */
export const ANSWERING_ROLES: readonly User['role'][] = ['operator', 'admin'];

/** Whom an enquiry is addressed to; anything but an employee or a group means everyone. */
export type Addressee = { kind: string; id?: string } | null | undefined;

/** The ids of the groups of `user`'s account that `user` is in now (one query). */
export async function groupsOf(store: Store, user: OpsUser): Promise<ReadonlySet<string>> {
  return new Set(
    (await store.groups.list(user.accountId))
      .filter((group) => group.memberIds.includes(user.id))
      .map((group) => group.id),
  );
}

/**
 * Whether `user` answers an enquiry of their own account addressed to `addressee`, given
 * `groups` ({@link groupsOf}).
 */
export function answers(user: OpsUser, addressee: Addressee, groups: ReadonlySet<string>): boolean {
  if (addressee?.kind === 'employee') return addressee.id === user.id;
  if (addressee?.kind === 'group') return addressee.id !== undefined && groups.has(addressee.id);
  return ANSWERING_ROLES.includes(user.role);
}
