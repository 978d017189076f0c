/**
 * The visitor's token in consent-first storage, one for the widgets of an account (the public
 * config's `accountTag` names it): the chat keeps the token its `welcome` gives, callback orders
 * carry it, so the platform knows one visitor across them. Kept only as the storage allows
 * (after the visitor's interaction or the page's consent); until then it lives in the page.
 */
import { type ConsentStorage, visitorKey } from './consent-storage';
import { uuid } from './uuid';

/**
 * The visitor's token of the account tagged `accountTag`; one made now (random, which the
 * platform takes as a new visitor on first use) when the visitor has none yet.
 */
export function visitorToken(storage: ConsentStorage, accountTag: string | undefined): string {
  const key = visitorKey(accountTag);
  const kept = storage.get(key);
  if (kept) return kept;
  const made = uuid();
  storage.set(key, made);
  return made;
}
