/** The one error a launcher chunk reports for a public config that fails validation. */

/** The widget types a launcher chunk can start. */
export type WidgetType = 'call' | 'callback' | 'chat';

/** Whether `error` is one {@link configError} made: final, whatever is tried again. */
export function isConfigError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'invalid_config';
}

/** The error for a config with `issues`: its first issue, naming the field, and how many more. */
export function configError(key: string, issues: { path: string; message: string }[]): Error {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return Object.assign(
    new Error(
      `widget "${key}": config field "${first?.path || '(root)'}" ${first?.message ?? 'is invalid'}${more}`,
    ),
    { code: 'invalid_config' },
  );
}
