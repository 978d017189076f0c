/** The names a chat widget keeps its visitor's state under, in its consent-first storage. */
import { visitorKey } from '@frontdesk/core';

/**
 * The storage keys of widget `key` of the account tagged `accountTag`: the visitor token (the
 * account's, shared with its callback widgets), the outbox, the last seen message.
 */
export function chatKeys(key: string, accountTag: string | undefined) {
  return {
    token: visitorKey(accountTag),
    outbox: `chat:${key}:outbox`,
    seen: `chat:${key}:seen`,
  };
}
