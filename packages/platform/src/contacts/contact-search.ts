/**
 * The address book's search: an e-mail (whole), a phone's first digits in any format (a range
 * over `phone_digits`, which the index answers), or part of a name (its Russian lower-cased copy).
 */
import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Tables } from '../storage/tables';
import { digitsOf, emailKey, searchForm } from './contact-keys';

/** What a search compares: an e-mail, a phone's first digits (any of them), or part of a name. */
interface Search {
  email?: string;
  digits?: string[];
  name?: string;
}

/** `text` as a search: a phone's digits (by prefix), an e-mail, or part of a name. */
function searchOf(text: string): Search {
  const q = text.trim();
  if (q.includes('@')) return { email: emailKey(q) };
  const digits = digitsOf(q);
  if (digits.length >= 3 && /^[\d\s()+\-.]+$/.test(q)) {
    // Written nationally (8 999 … in Russia), the trunk prefix 8 stands for the country's 7.
    const national = !q.startsWith('+') && digits.startsWith('8') ? [`7${digits.slice(1)}`] : [];
    return { digits: [digits, ...national] };
  }
  return { name: searchForm(q) };
}

/** Escapes `%`, `_` and `\` for a `LIKE … escape '\'`. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The least digit string after every one that starts with `prefix` (`7999` → `8`, `7` → `8`),
 * undefined when there is none (`999`). Digits only: strings of digits sort alike in every
 * collation, where a bound like `7999:` does not (ICU and glibc put `:` before the digits).
 */
export function afterPrefix(prefix: string): string | undefined {
  const kept = prefix.replace(/9+$/, '');
  if (kept === '') return undefined;
  return `${kept.slice(0, -1)}${Number(kept.at(-1)) + 1}`;
}

/** `query` narrowed to the contacts `q` finds; all of them when `q` is empty or absent. */
export function searching<O>(
  query: SelectQueryBuilder<Tables, 'contacts', O>,
  q: string | undefined,
): SelectQueryBuilder<Tables, 'contacts', O> {
  if (!q?.trim()) return query;
  const { email, digits, name } = searchOf(q);
  if (email !== undefined) return query.where('email', '=', email);
  if (digits !== undefined) {
    // A prefix as a range: both engines answer it from the (account_id, phone_digits) index.
    return query.where((eb) =>
      eb.or(
        digits.map((prefix) => {
          const after = afterPrefix(prefix);
          const from = eb('phone_digits', '>=', prefix);
          return after === undefined ? from : eb.and([from, eb('phone_digits', '<', after)]);
        }),
      ),
    );
  }
  const pattern = `%${likeLiteral(name ?? '')}%`;
  // The escape character named: SQLite has none by default, PostgreSQL's is `\`.
  return query.where(sql<SqlBool>`name_search like ${pattern} escape '\\'`);
}
