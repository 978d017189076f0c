/** The names a chat widget keeps its visitor's state under, in its consent-first storage. */

/** The storage keys of widget `key`: the visitor token, the outbox, the last seen message. */
export function chatKeys(key: string) {
  return { token: `chat:${key}:token`, outbox: `chat:${key}:outbox`, seen: `chat:${key}:seen` };
}
