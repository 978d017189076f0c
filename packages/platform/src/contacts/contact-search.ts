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
        digits.map((prefix) =>
          eb.and([eb('phone_digits', '>=', prefix), eb('phone_digits', '<', `${prefix}:`)]),
        ),
      ),
    );
  }
  const pattern = `%${likeLiteral(name ?? '')}%`;
  // The escape character named: SQLite has none by default, PostgreSQL's is `\`.
  return query.where(sql<SqlBool>`name_search like ${pattern} escape '\\'`);
}
