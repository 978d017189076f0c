/** Valibot issues → the flat `{ path, message }` list the API error body and the Studio show. */
import * as v from 'valibot';

/** One problem of an input: where (`appearance.working.title`, `allowedOrigins[2]`, '' = the whole input) and what. */
export interface SettingsIssue {
  path: string;
  message: string;
}

/** The outcome of a parse: the validated value, or every issue found. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: SettingsIssue[] };

/** A dotted path: object keys joined by dots, array indices in brackets. */
export function issuePath(path: readonly v.IssuePathItem[] | undefined): string {
  return dottedPath((path ?? []).map((item) => item.key as string | number));
}

/** Keys as a dotted path, ["week", "mon", "breaks", 0, "to"] → "week.mon.breaks[0].to". */
export function dottedPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Keys of a dotted path, "week.mon.breaks[0].to" → ["week", "mon", "breaks", 0, "to"]. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(m[2] === undefined ? (m[1] as string) : Number(m[2]));
  }
  return keys;
}

/**
 * Valibot path items for `keys` inside `root`, for issues a check adds below the value it
 * checks; parent schemas then prefix their own keys. Undefined for the root itself.
 */
export function pathItems(
  root: unknown,
  keys: readonly (string | number)[],
): [v.IssuePathItem, ...v.IssuePathItem[]] | undefined {
  const items: v.IssuePathItem[] = [];
  let input: unknown = root;
  for (const key of keys) {
    const value = (input as Record<string | number, unknown> | null | undefined)?.[key];
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: input as unknown[], key, value }
        : { type: 'object', origin: 'value', input: input as Record<string, unknown>, key, value },
    );
    input = value;
  }
  const [first, ...rest] = items;
  return first ? [first, ...rest] : undefined;
}

/**
 * Runs `schema` on `input`, collecting the issues of every field (not just the first field) for
 * inline errors — one per field: pipes check from the basic to the specific, so the first issue
 * of a field is the one to show ("must be text" rather than a pattern's complaint).
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const byPath = new Map<string, SettingsIssue>();
  for (const issue of result.issues) {
    const path = issuePath(issue.path);
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message });
  }
  return { ok: false, issues: [...byPath.values()] };
}
