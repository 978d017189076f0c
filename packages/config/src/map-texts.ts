/**
 * A walk over the localized texts (localized-text.ts) of a value, led by its schema: every
 * place the schema has a localized text, wherever a new one is added, is found without a list
 * to keep up to date. It reads the public shape of valibot schemas (`type`, `entries`, `item`,
 * `wrapped`, `options`, `key`) and the localized texts' own mark (`text`); the value need not be
 * valid (stored settings of an older shape are walked before they are parsed).
 */
import type * as v from 'valibot';
import type { TextMark } from './localized-text';

/** A valibot schema as the walk reads it. */
interface Walked {
  type: string;
  entries?: Record<string, Walked>;
  item?: Walked;
  wrapped?: Walked;
  options?: Walked[];
  key?: string;
  literal?: unknown;
  /** A localized text's mark (see localized-text.ts). */
  text?: TextMark['text'];
}

/** Where a text is: object keys and array indices from the root. */
export type TextPath = (string | number)[];

/** Called for each localized text: its value (as found), where, and whether it is required. */
export type TextVisit = (value: unknown, path: TextPath, required: boolean) => unknown;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether `option` of a variant is the one `value` takes (its discriminator matches). */
function takes(option: Walked, key: string, value: Record<string, unknown>): boolean {
  if (option.type === 'variant') return (option.options ?? []).some((o) => takes(o, key, value));
  return option.entries?.[key]?.literal === value[key];
}

function walk(schema: Walked, value: unknown, visit: TextVisit, path: TextPath): unknown {
  if (schema.text) return visit(value, path, schema.text === 'required');
  switch (schema.type) {
    case 'object': {
      if (!isRecord(value)) return value;
      let out = value;
      for (const [key, entry] of Object.entries(schema.entries ?? {})) {
        if (!(key in value)) continue;
        const next = walk(entry, value[key], visit, [...path, key]);
        if (next !== value[key]) out = { ...out, [key]: next };
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value) || !schema.item) return value;
      const item = schema.item;
      const out = value.map((element, i) => walk(item, element, visit, [...path, i]));
      return out.every((element, i) => element === value[i]) ? value : out;
    }
    case 'optional':
    case 'nullable':
    case 'nullish':
      return value === undefined || value === null || !schema.wrapped
        ? value
        : walk(schema.wrapped, value, visit, path);
    case 'variant': {
      const key = schema.key ?? '';
      if (!isRecord(value)) return value;
      const option = schema.options?.find((o) => takes(o, key, value));
      return option ? walk(option, value, visit, path) : value;
    }
    default:
      return value;
  }
}

/**
 * `value` with each localized text that `schema` places in it replaced by what `visit` returns
 * for it (unchanged parts are shared, not copied); `visit` may also just look.
 */
export function mapTexts<T>(schema: v.GenericSchema, value: T, visit: TextVisit): T {
  return walk(schema as unknown as Walked, value, visit, []) as T;
}
