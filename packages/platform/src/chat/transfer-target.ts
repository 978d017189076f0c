import type { OperatorTransferSchema } from '@frontdesk/config';
import type * as v from 'valibot';
import { ANSWERING_ROLES } from '../accounts/who-answers';
import type { Store } from '../storage/store';
import { ChatRefusal } from './ack';
import type { TransferTarget } from './chat-records';

/**
 * Where `chat:transfer` hands a conversation: a colleague who answers chats (an operator or an
 * admin of the account), with their name now, or a group of the account.
 * @throws {ChatRefusal} `not_found` on `to.id` for anyone or anything else.
 */
export async function transferTarget(
  store: Store,
  accountId: string,
  to: v.InferOutput<typeof OperatorTransferSchema>['to'],
): Promise<TransferTarget> {
  if (to.kind === 'employee') {
    const colleague = await store.users.get(to.id);
    if (colleague?.accountId === accountId && ANSWERING_ROLES.includes(colleague.role))
      return { kind: 'employee', id: colleague.id, name: colleague.name };
  } else {
    const group = await store.groups.get(to.id);
    if (group?.accountId === accountId) return { kind: 'group', id: group.id };
  }
  throw new ChatRefusal('not_found', `No ${to.kind} ${to.id} to hand it to.`, 'to.id');
}
