import { type RawBuilder, sql } from 'kysely';

/**
 * The `seq` of a row inserted now into `table`: one more than the largest so far. Two PostgreSQL
 * transactions inserting at the same moment may share a number; their order is a tie either way.
 */
export function nextSeq(table: 'users' | 'groups' | 'widgets' | 'trunks'): RawBuilder<number> {
  return sql<number>`(select coalesce(max(seq), 0) + 1 from ${sql.table(table)})`;
}
