/** The names a chat widget keeps its visitor's state under, in its consent-first storage. */
import { type ConsentStorage, visitorKey } from '@frontdesk/core';

/**
 * The storage keys of widget `key`: the visitor token (under `tokenKey`, core's `visitorKey` of
 * the account: shared with the account's callback widgets), the outbox, the last seen message.
 */
export function chatKeys(key: string, tokenKey: string) {
  return { token: tokenKey, outbox: `chat:${key}:outbox`, seen: `chat:${key}:seen` };
}

/**
 * Whether the visitor already wrote to widget `key` of the account tagged `accountTag` (a kept
 * token or outbox): their chat connects without waiting for them to write again.
 */
export function keptConversation(
  storage: ConsentStorage,
  key: string,
  accountTag: string | undefined,
): boolean {
  const keys = chatKeys(key, visitorKey(accountTag));
  return Boolean(storage.get(keys.token) || storage.get(keys.outbox));
}
