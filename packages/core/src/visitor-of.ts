/**
 * What a page's `Frontdesk('identify', {...})` may tell a widget, taken from whatever the page
 * passed: only a string `name` and a string `phone`, nothing else of it.
 */
import type { Visitor } from './widget-host';

/** The visitor `input` describes, or undefined when it is not an object. */
export function visitorOf(input: unknown): Visitor | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { name, phone } = input as Record<string, unknown>;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof phone === 'string' ? { phone } : {}),
  };
}
