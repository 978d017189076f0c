import { parseSettings, type WidgetSettings } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { deleteWidget, getWidget, listPeople, updateWidget, type Widget } from './api';
import { AppearanceEditor } from './appearance-editor';
import { BasicTab } from './basic-tab';
import { DeleteDialog } from './delete-dialog';
import { EmbedCode } from './embed-code';
import { testWidgetUrl } from './embed-codes';
import { FieldErrors } from './fields';
import { FormProvider } from './form';
import { type StudioTexts, useStudioTexts } from './i18n/studio-texts';
import { LeadGeneratorFields } from './lead-generator-fields';
import { setAt } from './paths';
import type { People } from './receiver-field';
import { navigate, type Route, routeHref } from './router';
import { ScheduleEditor } from './schedule-editor';
import { useUnsavedGuard } from './unsaved-guard';
import { visibleIssues } from './visible-issues';
import { noteDeleted } from './widget-list';

/**
 * The tabs of a widget, in the source's order and with its names for every type (Настройки,
 * Внешний вид, Расписание, Код для сайта); the callback's lead generator only in automatic mode.
 */
export function tabsOf(
  settings: WidgetSettings,
  t: StudioTexts['editor']['tabs'],
): [id: string, name: string][] {
  return [
    ['basic', t.basic],
    ['appearance', t.appearance],
    ['schedule', t.schedule],
    ...(settings.type === 'callback' && settings.mode.kind === 'automatic'
      ? [['lead', t.lead] as [string, string]]
      : []),
    ['embed', t.embed],
  ];
}

/** A widget's settings, tab by tab, saved together. */
export function WidgetEditor({
  session,
  id,
  tab,
}: {
  session: StaffSession;
  id: string;
  tab: string;
}) {
  const t = useStudioTexts();
  const sayError = useErrorText();
  const [widget, setWidget] = useState<Widget | null>(null);
  const [people, setPeople] = useState<People>({ users: [], groups: [] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getWidget(id).then(setWidget, (e: Error) => setError(sayError(e)));
    listPeople().then(setPeople, () => undefined);
  }, [id]);
  if (error) {
    return (
      <main>
        <p role="alert" class="error">
          {error}
        </p>
      </main>
    );
  }
  if (!widget) return <p aria-busy="true">{t.loading}</p>;
  return <Editor session={session} widget={widget} people={people} tab={tab} onSaved={setWidget} />;
}

function Editor({
  session,
  widget,
  people,
  tab,
  onSaved,
}: {
  session: StaffSession;
  widget: Widget;
  people: People;
  tab: string;
  onSaved: (widget: Widget) => void;
}) {
  const t = useStudioTexts();
  const sayError = useErrorText();
  const [draft, setDraft] = useState<WidgetSettings>(widget.settings);
  const [name, setName] = useState(widget.name);
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const parsed = parseSettings(draft);
  const issues = parsed.ok ? [] : parsed.issues;
  // Errors show once a field is left or a save is tried (see visible-issues.ts).
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [saveTried, setSaveTried] = useState(false);
  const [focusInvalid, setFocusInvalid] = useState(0);
  const leave = useCallback(
    (path: string) => setLeft((paths) => (paths.has(path) ? paths : new Set(paths).add(path))),
    [],
  );
  const nameError =
    name.trim() === '' && (saveTried || left.has('name')) ? [t.editor.nameRequired] : [];
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const dirty =
    !deleted && (name !== widget.name || JSON.stringify(draft) !== JSON.stringify(widget.settings));
  const stays = useCallback(
    (next: Route) => next.screen === 'widget' && next.id === widget.id,
    [widget.id],
  );
  useUnsavedGuard(dirty, stays);
  const set = useCallback((path: string, value: unknown) => {
    setDraft((current) => setAt(current, path, value));
    setStatus('');
  }, []);

  // Once deleted, unsaved changes have nowhere to go: back to the list without asking.
  useEffect(() => {
    if (deleted) navigate({ screen: 'list' });
  }, [deleted]);
  const remove = async (reason: string) => {
    await deleteWidget(session, widget.id, reason);
    noteDeleted(widget.name);
    setDeleting(false);
    setDeleted(true);
  };

  // The first field to fix takes focus when it is on this tab, once the errors are shown.
  useEffect(() => {
    if (focusInvalid)
      document.querySelector<HTMLElement>('.settings [aria-invalid="true"]')?.focus();
  }, [focusInvalid]);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaveError(null);
    const nameMissing = name.trim() === '';
    if (!parsed.ok || nameMissing) {
      setSaveTried(true);
      setSaveError(t.editor.notSaved(issues.length + (nameMissing ? 1 : 0)));
      setFocusInvalid((n) => n + 1);
      return;
    }
    try {
      const saved = await updateWidget(session, widget.id, { name, settings: parsed.value });
      setDraft(saved.settings);
      setName(saved.name);
      setSaveTried(false);
      setLeft(new Set());
      onSaved(saved);
      setStatus(t.saved);
    } catch (e) {
      setSaveError(sayError(e));
    }
  };

  const tabs = tabsOf(draft, t.editor.tabs);
  const current = tabs.some(([id]) => id === tab) ? tab : 'basic';
  const title = tabs.find(([id]) => id === current)?.[1] ?? '';
  return (
    <main class="editor">
      <h1>
        {widget.name} <span class="type">({t.types[widget.type]})</span>
      </h1>
      <p class="actions">
        <a href={testWidgetUrl(location.origin, widget.key)} target="_blank" rel="noopener">
          {t.editor.test}
        </a>
        <button type="button" onClick={() => setDeleting(true)}>
          {t.editor.deleteWidget}
        </button>
      </p>
      {deleting && (
        <DeleteDialog name={widget.name} onConfirm={remove} onCancel={() => setDeleting(false)} />
      )}
      <nav aria-label={t.editor.tabsLabel} class="tabs">
        {tabs.map(([id, label]) => (
          <a
            key={id}
            href={routeHref({ screen: 'widget', id: widget.id, tab: id })}
            aria-current={id === current ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {current === 'embed' ? (
        <EmbedCode widget={widget} session={session} />
      ) : (
        <form onSubmit={save} class="settings" aria-labelledby="tab-title" noValidate>
          <h2 id="tab-title" class="visually-hidden">
            {title}
          </h2>
          <FormProvider
            form={{
              draft,
              set,
              issues: visibleIssues(issues, left, saveTried),
              leave,
              widgetId: widget.id,
            }}
          >
            {current === 'basic' && (
              <>
                <div class="field">
                  <label for="widget-name">{t.name}</label>
                  <input
                    id="widget-name"
                    value={name}
                    maxLength={100}
                    aria-invalid={nameError.length ? 'true' : undefined}
                    aria-describedby={nameError.length ? 'widget-name-error' : undefined}
                    onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
                    onBlur={() => leave('name')}
                  />
                  <FieldErrors id="widget-name" errors={nameError} />
                </div>
                <BasicTab people={people} session={session} />
              </>
            )}
            {current === 'schedule' && <ScheduleEditor />}
            {current === 'lead' && <LeadGeneratorFields path="leadGenerator" />}
            {current === 'appearance' && <AppearanceEditor />}
          </FormProvider>
          <div class="save-bar">
            <button type="submit" class="primary">
              {t.save}
            </button>
            {dirty && <span>{t.editor.unsaved}</span>}
            {saveError && (
              <p role="alert" class="error">
                {saveError}
              </p>
            )}
            <span role="status">{status}</span>
          </div>
        </form>
      )}
    </main>
  );
}
