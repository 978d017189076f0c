/**
 * The settings form's shared state: the draft being edited, how to change one field of it, and
 * the issues `parseSettings` finds that the marketer should see now (see visible-issues.ts), by
 * dotted path — so every field shows its own error inline, in the Studio's language.
 */
import type { SettingsIssue, WidgetSettings } from '@frontdesk/config';
import { issueText, useLanguage } from '@frontdesk/staff';
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { studioTexts } from './i18n/studio-texts';
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

/** How issues are worded: a message in the Studio's language, and a list item's issue. */
export interface IssueWords {
  message(message: string): string;
  item(n: number, message: string): string;
}

/** Issues as config words them (English), numbering list items as the English Studio does. */
const AS_GIVEN: IssueWords = {
  message: (message) => message,
  item: studioTexts.en.issueItem,
};

/**
 * The messages of `path` itself and of its list items (a list of e-mails shows
 * `item 2: must be an e-mail address…`), in `words`; fields deeper down show their own.
 */
export function issuesAt(
  issues: SettingsIssue[],
  path: string,
  words: IssueWords = AS_GIVEN,
): string[] {
  return issues.flatMap((issue) => {
    if (issue.path === path) return [words.message(issue.message)];
    const item = issue.path.slice(path.length).match(/^\[(\d+)\]$/);
    return issue.path.startsWith(path) && item
      ? [words.item(Number(item[1]) + 1, words.message(issue.message))]
      : [];
  });
}

/** The value a field edits, its setter, its issues, and what its control calls on blur. */
export function useField<T>(path: string): [T, (value: T) => void, string[], () => void] {
  const form = useForm<unknown>();
  const { language } = useLanguage();
  const words: IssueWords = {
    message: (message) => issueText(language, message),
    item: studioTexts[language].issueItem,
  };
  return [
    getAt(form.draft, path) as T,
    (value: T) => form.set(path, value),
    issuesAt(form.issues, path, words),
    () => form.leave?.(path),
  ];
}
