/**
 * Who answers a call widget's line: its forwarding scheme (`CallSettings.forwarding`) names an
 * employee or a group; null means every operator of the account. Admins may answer too (they may
 * use the console's softphone), so "every operator" includes them.
 */
import type { CallSettings, ServedLine } from '@frontdesk/config';
import type { User } from '../../accounts';
import { ANSWERING_ROLES, answers, groupsOf } from '../../accounts';
import type { Store } from '../../storage/store';
import type { Widget } from '../../widgets';

/** Whether `user` answers the calls of `widget`, given the groups `user` is in. */
function serves(user: User, widget: Widget, groups: ReadonlySet<string>): boolean {
  if (widget.type !== 'call' || !widget.active || widget.deletedAt !== null) return false;
  if (widget.sipLine === null || widget.accountId !== user.accountId) return false;
  if (!ANSWERING_ROLES.includes(user.role)) return false;
  const forwarding = (widget.settings as CallSettings).forwarding ?? null;
  // An external number takes the calls: no console does.
  if (forwarding?.kind === 'external') return false;
  return answers(user, forwarding, groups);
}

/** The lines `user` serves now: their account's active call widgets that forward to them. */
export async function linesServedBy(store: Store, user: User): Promise<ServedLine[]> {
  if (!ANSWERING_ROLES.includes(user.role)) return [];
  const [widgets, groups] = await Promise.all([
    store.widgets.list(user.accountId),
    groupsOf(store, user),
  ]);
  return widgets
    .filter((widget) => serves(user, widget, groups))
    .map((widget) => ({
      target: `sip:${widget.sipLine}`,
      line: widget.sipLine ?? '',
      widgetId: widget.id,
      widgetKey: widget.key,
      widgetName: widget.name,
    }));
}

/** Whether the user with id `userId` serves `line` (`line12345@vpbx…`) now. */
export async function servesLine(store: Store, userId: string, line: string): Promise<boolean> {
  const user = await store.users.get(userId);
  if (!user) return false;
  const lines = await linesServedBy(store, user);
  return lines.some((served) => served.line === line);
}
