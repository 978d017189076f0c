/**
 * Random ids: a UUID v4, and the visitor's token — one kept in consent-first storage. The two
 * share a module (and so a chunk: the opened widgets' shared one) because every widget that makes
 * the one also makes the other; a chunk of its own cost each opened widget more than its code.
 */
import { type ConsentStorage, visitorKey } from './consent-storage';

/**
 * A random UUID v4 from `crypto.getRandomValues`: `crypto.randomUUID` exists only in secure
 * contexts, and widgets also run on plain-http sites.
 */
export function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The visitor's token of the account tagged `accountTag` (the public config's `accountTag` names
 * it), one for the widgets of an account: the chat keeps the token its `welcome` gives, callback
 * orders and site calls carry it, so the platform knows one visitor across them. Kept only as the
 * storage allows (after the visitor's interaction or the page's consent); until then it lives in
 * the page. One is made now (random, which the platform takes as a new visitor on first use) when
 * the visitor has none yet.
 */
export function visitorToken(storage: ConsentStorage, accountTag: string | undefined): string {
  const key = visitorKey(accountTag);
  const kept = storage.get(key);
  if (kept) return kept;
  const made = uuid();
  storage.set(key, made);
  return made;
}
