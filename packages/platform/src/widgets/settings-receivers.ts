/**
 * Receivers, addressees and forwarding in widget settings name employees and groups by id; the
 * schema can only check their shape. These must be the account's own: a widget of one account
 * must never hand its calls, orders or chats to people of another.
 */
import type { WidgetSettings } from '@frontdesk/config';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';

/** An employee or a group named in settings, with the dotted path of its object. */
interface Named {
  path: string;
  kind: 'employee' | 'group';
  id: string;
}

/**
 * Every `{ kind: "employee" | "group", id }` in `value` (the shape ReceiverSchema gives every
 * receiver, addressee, handler and forwarding), found by walking it, so a new field is covered too.
 */
function namedPeople(value: unknown, path: string, found: Named[] = []): Named[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      namedPeople(item, `${path}[${i}]`, found);
    });
  } else if (value !== null && typeof value === 'object') {
    const { kind, id } = value as { kind?: unknown; id?: unknown };
    if ((kind === 'employee' || kind === 'group') && typeof id === 'string') {
      found.push({ path, kind, id });
    }
    for (const [key, item] of Object.entries(value)) namedPeople(item, `${path}.${key}`, found);
  }
  return found;
}

/**
 * Checks that every employee and group `settings` name belongs to `accountId`.
 * @throws {ApiError} 422 `unknown_receiver` naming the first field that does not.
 */
export async function assertOwnReceivers(
  ctx: AppContext,
  accountId: string,
  settings: WidgetSettings,
): Promise<void> {
  const named = namedPeople(settings, 'settings');
  if (named.length === 0) return;
  const [users, groups] = await Promise.all([
    ctx.store.users.list(accountId),
    ctx.store.groups.list(accountId),
  ]);
  const own = {
    employee: new Set(users.map((user) => user.id)),
    group: new Set(groups.map((group) => group.id)),
  };
  const foreign = named.find((person) => !own[person.kind].has(person.id));
  if (foreign) {
    throw new ApiError(
      422,
      'unknown_receiver',
      `No ${foreign.kind} with the id "${foreign.id}" in this account.`,
      foreign.path,
    );
  }
}
