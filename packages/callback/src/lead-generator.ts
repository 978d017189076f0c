/**
 * The lead generator's chunk, loaded when the browser is idle after the launcher shows and only
 * for a config with an enabled lead generator: it watches the visitor with core's `watchLead`
 * and opens the widget in its lead-generator look.
 */
import {
  type ConsentStorage,
  createConsentStorage,
  type LeadRules,
  type LeadTrigger,
  sessionArea,
  watchLead,
} from '@frontdesk/core';
import { PHONE_LEFT } from './start';

/** A running lead generator. */
export interface Lead {
  /** Storage may be used from now on (the session's too). */
  allow(): void;
  stop(): void;
}

/**
 * Starts the lead generator of widget `key` with `rules` over the widget's consent-first
 * `storage`; `open` opens the widget in its lead-generator look (`false`: it cannot now).
 */
export function startLead(
  rules: LeadRules,
  storage: ConsentStorage,
  key: string,
  open: (trigger: LeadTrigger) => boolean,
): Lead {
  const session = createConsentStorage(storage.allowed, sessionArea);
  // Our keys in the session are there only after the visitor's consent.
  if (session.allowed) storage.allow();
  const watch = watchLead({
    rules,
    storage,
    session,
    name: `callback:lead:${key}`,
    phoneLeft: () => storage.get(PHONE_LEFT) === '1',
    open,
  });
  return { allow: () => session.allow(), stop: () => watch.stop() };
}
