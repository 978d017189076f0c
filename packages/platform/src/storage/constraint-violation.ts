/**
 * Recognises constraint violations in errors of either driver, so repositories can turn a race lost
 * to another process into a retry or a {@link StoreError} instead of an engine-specific message.
 */

/** The unique constraints the repositories react to, as `table.column`. */
export type UniqueConstraint =
  | 'accounts.sip_domain'
  | 'users.email'
  | 'widgets.key'
  | 'sip_lines.line'
  | 'idempotency_keys.key';

// PostgreSQL names the violated constraint (migration 001 names them); SQLite lists the columns.
const UNIQUE_CONSTRAINTS: Readonly<Record<string, UniqueConstraint>> = {
  accounts_sip_domain_unique: 'accounts.sip_domain',
  users_email_unique: 'users.email',
  widgets_key_unique: 'widgets.key',
  sip_lines_pkey: 'sip_lines.line',
  idempotency_keys_pkey: 'idempotency_keys.key',
  'accounts.sip_domain': 'accounts.sip_domain',
  'users.email': 'users.email',
  'widgets.key': 'widgets.key',
  'sip_lines.account_id, sip_lines.line': 'sip_lines.line',
  'idempotency_keys.widget_id, idempotency_keys.key': 'idempotency_keys.key',
};

const SQLITE_UNIQUE = /^UNIQUE constraint failed: (.+)$/;

/** The unique constraint `error` violated, or undefined when it is another error. */
export function uniqueViolation(error: unknown): UniqueConstraint | undefined {
  const { code, constraint, message } = fieldsOf(error);
  if (code === '23505' && typeof constraint === 'string') return UNIQUE_CONSTRAINTS[constraint];
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const columns = SQLITE_UNIQUE.exec(String(message))?.[1];
    return columns === undefined ? undefined : UNIQUE_CONSTRAINTS[columns];
  }
  return undefined;
}

/** Whether `error` is a foreign key violation (a referenced row is missing). */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code } = fieldsOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

function fieldsOf(error: unknown): { code?: unknown; constraint?: unknown; message?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}
