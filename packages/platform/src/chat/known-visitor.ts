/**
 * One visitor across the widgets of an account: a callback order that carries the visitor's
 * token (the one the chat issued, or one the callback widget made for its first order) makes
 * its phone and name that visitor's contact, so the chat knows them. The platform keeps only
 * the token's SHA-256, as for the chat's own tokens.
 */
import { sessionId } from '../accounts/session';
import type { Store } from '../storage/store';
import type { Widget } from '../widgets/widget-records';

/** What an order tells of its visitor. */
export interface Caller {
  /** E.164. */
  phone: string;
  name: string | null;
  timeZone: string | null;
}

/**
 * Saves `caller` as the contact of the visitor `token` names in `widget`'s account; a token
 * nobody holds yet becomes a new visitor, met by `widget`. A token of another account is left
 * alone: nothing is saved. Returns the visitor's id, or undefined for another account's token.
 */
export async function rememberCaller(
  store: Store,
  widget: Pick<Widget, 'id' | 'accountId'>,
  token: string,
  caller: Caller,
  now: number,
): Promise<string | undefined> {
  const tokenHash = sessionId(token);
  let visitor = await store.chatVisitors.byTokenHash(tokenHash);
  if (!visitor) {
    try {
      visitor = await store.chatVisitors.create({
        accountId: widget.accountId,
        widgetId: widget.id,
        tokenHash,
        timeZone: caller.timeZone,
        now,
      });
    } catch (error) {
      // Another order with the same new token won the race: that visitor it is.
      visitor = await store.chatVisitors.byTokenHash(tokenHash);
      if (!visitor) throw error;
    }
  }
  if (visitor.accountId !== widget.accountId) return undefined;
  await store.chatContacts.save({
    accountId: widget.accountId,
    visitorId: visitor.id,
    phone: caller.phone,
    ...(caller.name ? { name: caller.name } : {}),
    now,
  });
  return visitor.id;
}
