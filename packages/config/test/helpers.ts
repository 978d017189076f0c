/** Test helpers: break valid values on purpose, one field at a time. */
import { pathKeys } from '../src/issues';

/** As a change's value: remove the field instead of setting it. */
export const REMOVE: unique symbol = Symbol('remove');

/**
 * A deep copy of `value` with each dotted path of `changes` (`appearance.primaryColor`,
 * `allowedOrigins[2]`) set to its value, or removed for {@link REMOVE}.
 */
export function patched(value: unknown, changes: Record<string, unknown>): unknown {
  const copy = structuredClone(value);
  for (const [path, replacement] of Object.entries(changes)) {
    const keys = pathKeys(path);
    const last = keys.pop();
    if (last === undefined) throw new Error(`empty path in ${JSON.stringify(changes)}`);
    let target = copy as Record<string | number, unknown>;
    for (const key of keys) target = target[key] as Record<string | number, unknown>;
    if (replacement === REMOVE) delete target[last];
    else target[last] = structuredClone(replacement);
  }
  return copy;
}

/** Lead-generator triggers, every one off. */
export const NO_TRIGGERS = {
  timeOnPage: { enabled: false, seconds: 30 },
  scrollDepth: { enabled: false, percent: 50 },
  pagesViewed: { enabled: false, count: 3 },
  exitIntent: { enabled: false },
  inactivity: { enabled: false, seconds: 60 },
};
