import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteWidget, listWidgets, updateWidget, type Widget } from './api';
import { DeleteDialog } from './delete-dialog';
import { useStudioTexts } from './i18n/studio-texts';
import { routeHref } from './router';
import { activeChannels, formatOf } from './widget-summary';

/** A widget deleted from its settings screen, for the list to announce when it shows. */
let deletedElsewhere: string | null = null;

/** Tells the widget list, shown next, that the widget `name` was deleted on its own screen. */
export function noteDeleted(name: string): void {
  deletedElsewhere = name;
}

/**
 * The account's widgets: active toggle, name, type, format, active channels; delete. After a
 * delete the focus goes to the Delete button of the row that took the deleted one's place (or
 * the one before), or to "Create a widget" when none is left; after a delete on the widget's own
 * screen, to the list's heading.
 */
export function WidgetList({ session }: { session: StaffSession }) {
  const t = useStudioTexts();
  const sayError = useErrorText();
  const [widgets, setWidgets] = useState<Widget[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleting, setDeleting] = useState<Widget | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const create = useRef<HTMLAnchorElement>(null);
  /** Where the focus goes once the list is drawn without the deleted row. */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    listWidgets().then(setWidgets, (e: Error) => setError(sayError(e)));
    if (deletedElsewhere !== null) {
      setStatus(t.list.deleted(deletedElsewhere));
      deletedElsewhere = null;
      heading.current?.focus();
    }
  }, []);
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    const next = [...document.querySelectorAll<HTMLElement>('[data-delete]')].find(
      (button) => button.dataset.delete === id,
    );
    (next ?? create.current)?.focus();
  }, [widgets]);

  const toggle = async (widget: Widget) => {
    try {
      const updated = await updateWidget(session, widget.id, { active: !widget.active });
      setWidgets((list) => list?.map((w) => (w.id === updated.id ? updated : w)) ?? null);
      setStatus(t.list.switched(updated.name, updated.active));
    } catch (e) {
      setError(sayError(e));
    }
  };
  const remove = async (reason: string) => {
    if (!deleting) return;
    await deleteWidget(session, deleting.id, reason);
    const list = widgets ?? [];
    const at = list.findIndex((w) => w.id === deleting.id);
    focusNext.current = (list[at + 1] ?? list[at - 1])?.id ?? '';
    setWidgets((current) => current?.filter((w) => w.id !== deleting.id) ?? null);
    setStatus(t.list.deleted(deleting.name));
    setDeleting(null);
  };

  return (
    <main>
      <h1 ref={heading} tabIndex={-1}>
        {t.list.title}
      </h1>
      <p>
        <a ref={create} class="button primary" href={routeHref({ screen: 'new' })}>
          {t.list.create}
        </a>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {widgets === null ? (
        <p aria-busy="true">{t.loading}</p>
      ) : widgets.length === 0 ? (
        <p>{t.list.empty}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t.list.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.list.active}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.list.type}</th>
              <th scope="col">{t.list.format}</th>
              <th scope="col">{t.list.channels}</th>
              <th scope="col">
                <span class="visually-hidden">{t.list.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {widgets.map((widget) => (
              <tr key={widget.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t.list.activeOf(widget.name)}
                    checked={widget.active}
                    onChange={() => toggle(widget)}
                  />
                </td>
                <th scope="row">
                  <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>
                    {widget.name}
                  </a>
                </th>
                <td>{t.types[widget.type]}</td>
                <td>{formatOf(widget.settings, t.list)}</td>
                <td>{activeChannels(widget.settings, t.list).join(', ')}</td>
                <td>
                  <button
                    type="button"
                    data-delete={widget.id}
                    aria-label={t.list.deleteOf(widget.name)}
                    onClick={() => setDeleting(widget)}
                  >
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <DeleteDialog name={deleting.name} onConfirm={remove} onCancel={() => setDeleting(null)} />
      )}
      <div class="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </main>
  );
}
