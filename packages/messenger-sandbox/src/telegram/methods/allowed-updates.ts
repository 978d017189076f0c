import type { Params } from '../params';
import type { UpdateKind } from '../update-queue';

/**
 * The `allowed_updates` of a call: a JSON list of update kinds (an empty list: the default set);
 * undefined when the call leaves it out, so that the previous setting stays.
 */
export function allowedUpdates(params: Params): UpdateKind[] | undefined {
  const value = params.json('allowed_updates', 'allowed updates JSON object');
  if (!Array.isArray(value)) return undefined;
  return value.filter((kind): kind is UpdateKind => typeof kind === 'string');
}
