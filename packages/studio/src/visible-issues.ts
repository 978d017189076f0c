/**
 * Which of the draft's issues the marketer sees: an issue shows once its field was left, or once
 * a save was tried — never the instant a box is ticked or a field appears empty.
 */
import type { SettingsIssue } from '@frontdesk/config';

/**
 * Whether the issue at `issuePath` concerns the field at `fieldPath`: the field itself, an item
 * of its list (`allowedOrigins[1]` of the Sites field), or a group it belongs to (the rule of
 * `schedule.week.mon` when its `from` field was left).
 */
function concerns(issuePath: string, fieldPath: string): boolean {
  if (issuePath === fieldPath) return true;
  if (issuePath.startsWith(fieldPath) && /^\[\d+\]$/.test(issuePath.slice(fieldPath.length))) {
    return true;
  }
  return (
    issuePath === '' ||
    fieldPath.startsWith(`${issuePath}.`) ||
    fieldPath.startsWith(`${issuePath}[`)
  );
}

/** The issues to show: all of them after a save was tried, else those of the fields left. */
export function visibleIssues(
  issues: readonly SettingsIssue[],
  left: ReadonlySet<string>,
  saveTried: boolean,
): SettingsIssue[] {
  if (saveTried) return [...issues];
  return issues.filter((issue) => [...left].some((field) => concerns(issue.path, field)));
}
