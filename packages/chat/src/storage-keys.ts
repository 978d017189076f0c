/** The names a chat widget keeps its visitor's state under, in its consent-first storage. */

/**
 * The storage keys of widget `key`: the visitor token (under `tokenKey`, core's `visitorKey` of
 * the account: shared with the account's callback widgets), the outbox, the last seen message.
 */
export function chatKeys(key: string, tokenKey: string) {
  return { token: tokenKey, outbox: `chat:${key}:outbox`, seen: `chat:${key}:seen` };
}
