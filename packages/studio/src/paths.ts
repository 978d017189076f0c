/**
 * Dotted paths into settings — the form of `parseSettings` issue paths (`schedule.week.mon.to`,
 * `channels.site.autoReplies[1].text`) — to read and immutably change the value a field edits.
 */

/** Keys of a dotted path: "week.mon.breaks[0].to" → ["week", "mon", "breaks", 0, "to"]. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(m[2] === undefined ? (m[1] as string) : Number(m[2]));
  }
  return keys;
}

/** The value at `path` in `root` (undefined when any step is missing). */
export function getAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of pathKeys(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function setKeys(node: unknown, keys: (string | number)[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const child = setKeys(
    node !== null && typeof node === 'object'
      ? (node as Record<string | number, unknown>)[key]
      : undefined,
    rest,
    value,
  );
  if (typeof key === 'number') {
    const copy = Array.isArray(node) ? [...node] : [];
    copy[key] = child;
    return copy;
  }
  return { ...(node !== null && typeof node === 'object' ? node : {}), [key]: child };
}

/** A copy of `root` with `value` at `path`; everything off the path is shared, not copied. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  return setKeys(root, pathKeys(path), value) as T;
}
