/**
 * The chat's lead generator, a chunk loaded when the browser is idle and only for a config with
 * lead generation on: core's `watchLead` with the callback widget's rules — the same triggers
 * and repeat period, and the same exception for a visitor who left a phone (`PHONE_LEFT`, set by
 * the callback widget and by the chat's callback tab alike).
 */
import { PHONE_LEFT } from '@frontdesk/callback';
import {
  type ConsentStorage,
  createConsentStorage,
  type LeadRules,
  type LeadWatch,
  sessionArea,
  watchLead,
} from '@frontdesk/core';

/**
 * Starts watching for widget `key` with `rules` over its consent-first `storage`; `open` opens
 * the chat on its capture form (`false`: it cannot now). The session counter follows consent.
 */
export function startLead(
  rules: LeadRules,
  storage: ConsentStorage,
  key: string,
  open: () => boolean,
): LeadWatch & { allow(): void } {
  const session = createConsentStorage(storage.allowed, sessionArea);
  const watch = watchLead({
    rules,
    storage,
    session,
    name: `chat:lead:${key}`,
    phoneLeft: () => storage.get(PHONE_LEFT) === '1',
    open,
  });
  return { allow: () => session.allow(), stop: () => watch.stop() };
}
