/**
 * The lead generator of a widget, a chunk the widget shell loads when the browser is idle and
 * only for a config with lead generation on: core's `watchLead` over the widget's consent-first
 * storage, with the session's counters following consent, and the same exception for a visitor
 * who left a phone ({@link PHONE_LEFT}, set by the callback widget and the chat's callback tab).
 */
import { type ConsentStorage, createConsentStorage, sessionArea } from './consent-storage';
import { type LeadRules, type LeadTrigger, watchLead } from './lead-watch';
import { PHONE_LEFT } from './phone-left';

/** A running lead generator. */
export interface Lead {
  /** Storage may be used from now on (the session's too). */
  allow(): void;
  stop(): void;
}

/**
 * Starts the lead generator `name` (e.g. `callback:lead:KEY`) with `rules` over the widget's
 * `storage`; `open` opens the widget in its lead-generator look (`false`: it cannot now). While
 * it watches, the widget's `host` element carries `data-lead` (a sign for tests and site
 * scripts that the triggers are live).
 */
export function startLead(
  rules: LeadRules,
  storage: ConsentStorage,
  name: string,
  open: (trigger: LeadTrigger) => boolean,
  host: HTMLElement,
): Lead {
  const session = createConsentStorage(storage.allowed, sessionArea);
  // Our keys in the session are there only after the visitor's consent.
  if (session.allowed) storage.allow();
  const watch = watchLead({
    rules,
    storage,
    session,
    name,
    phoneLeft: () => storage.get(PHONE_LEFT) === '1',
    open,
  });
  host.dataset.lead = '';
  return {
    allow: () => session.allow(),
    stop: () => {
      watch.stop();
      delete host.dataset.lead;
    },
  };
}
