/**
 * The settings form's shared state: the draft being edited, how to change one field of it, and
 * the issues `parseSettings` finds that the marketer should see now (see visible-issues.ts), by
 * dotted path — so every field shows its own error inline.
 */
import type { SettingsIssue, WidgetSettings } from '@frontdesk/config';
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getAt } from './paths';

/** What every field of the form reaches; the draft is a widget's settings unless told otherwise. */
export interface Form<D = WidgetSettings> {
  draft: D;
  /** Sets the value at a dotted path. */
  set(path: string, value: unknown): void;
  /** Issues of the draft to show now. */
  issues: SettingsIssue[];
  /** Tells that the marketer left the field at a dotted path: its issues may show. */
  leave?(path: string): void;
  /** The widget whose settings these are (its stored secrets are checked by it); absent for a new one. */
  widgetId?: string;
}

const FormContext = createContext<Form<unknown> | null>(null);

/** Makes `form` the form of the fields inside. */
export function FormProvider<D>({
  form,
  children,
}: {
  form: Form<D>;
  children?: ComponentChildren;
}) {
  return <FormContext.Provider value={form as Form<unknown>}>{children}</FormContext.Provider>;
}

/** The form the calling field belongs to (the caller knows what its draft is). */
export function useForm<D = WidgetSettings>(): Form<D> {
  const form = useContext(FormContext);
  if (!form) throw new Error('a settings field outside a <FormProvider>');
  return form as Form<D>;
}

/**
 * The messages of `path` itself and of its list items (a list of e-mails shows
 * `item 2: must be an e-mail address…`); fields deeper down show their own.
 */
export function issuesAt(issues: SettingsIssue[], path: string): string[] {
  return issues.flatMap((issue) => {
    if (issue.path === path) return [issue.message];
    const item = issue.path.slice(path.length).match(/^\[(\d+)\]$/);
    return issue.path.startsWith(path) && item
      ? [`item ${Number(item[1]) + 1}: ${issue.message}`]
      : [];
  });
}

/** The value a field edits, its setter, its issues, and what its control calls on blur. */
export function useField<T>(path: string): [T, (value: T) => void, string[], () => void] {
  const form = useForm<unknown>();
  return [
    getAt(form.draft, path) as T,
    (value: T) => form.set(path, value),
    issuesAt(form.issues, path),
    () => form.leave?.(path),
  ];
}
