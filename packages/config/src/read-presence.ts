/**
 * The presence endpoint's answer read by hand: every launcher asks it at page load, and
 * parsing it with `PublicPresenceSchema` (presence.ts) would bring valibot into the launcher for
 * two fields (a test checks both read every answer alike).
 */
import type { Presence, PublicPresence } from './presence';

const PRESENCES: readonly unknown[] = ['online', 'busy', 'nobody'] satisfies Presence[];

/**
 * The presence endpoint's answer in `input`, or undefined when it is none (unknown keys
 * dropped): what `PublicPresenceSchema` gives, without valibot.
 */
export function readPresence(input: unknown): PublicPresence | undefined {
  const { presence, callback } = (input ?? {}) as Record<string, unknown>;
  if (!PRESENCES.includes(presence) || (callback !== undefined && !PRESENCES.includes(callback))) {
    return undefined;
  }
  return {
    presence: presence as Presence,
    ...(callback === undefined ? {} : { callback: callback as Presence }),
  };
}
