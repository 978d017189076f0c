import type { StaffSession } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteWidget, listWidgets, updateWidget, type Widget } from './api';
import { DeleteDialog } from './delete-dialog';
import { routeHref } from './router';
import { activeChannels, formatOf, TYPE_NAMES } from './widget-summary';

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
  const [widgets, setWidgets] = useState<Widget[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleting, setDeleting] = useState<Widget | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const create = useRef<HTMLAnchorElement>(null);
  /** Where the focus goes once the list is drawn without the deleted row. */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    listWidgets().then(setWidgets, (e: Error) => setError(e.message));
    if (deletedElsewhere !== null) {
      setStatus(`${deletedElsewhere} was deleted.`);
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
      setStatus(`${updated.name} is ${updated.active ? 'on' : 'off'}.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async (reason: string) => {
    if (!deleting) return;
    await deleteWidget(session, deleting.id, reason);
    const list = widgets ?? [];
    const at = list.findIndex((w) => w.id === deleting.id);
    focusNext.current = (list[at + 1] ?? list[at - 1])?.id ?? '';
    setWidgets((current) => current?.filter((w) => w.id !== deleting.id) ?? null);
    setStatus(`${deleting.name} was deleted.`);
    setDeleting(null);
  };

  return (
    <main>
      <h1 ref={heading} tabIndex={-1}>
        Widgets
      </h1>
      <p>
        <a ref={create} class="button primary" href={routeHref({ screen: 'new' })}>
          Create a widget
        </a>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {widgets === null ? (
        <p aria-busy="true">Loading…</p>
      ) : widgets.length === 0 ? (
        <p>No widgets yet.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Widgets of the account</caption>
          <thead>
            <tr>
              <th scope="col">Active</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Format</th>
              <th scope="col">Active channels</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {widgets.map((widget) => (
              <tr key={widget.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${widget.name} active`}
                    checked={widget.active}
                    onChange={() => toggle(widget)}
                  />
                </td>
                <th scope="row">
                  <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>
                    {widget.name}
                  </a>
                </th>
                <td>{TYPE_NAMES[widget.type]}</td>
                <td>{formatOf(widget.settings)}</td>
                <td>{activeChannels(widget.settings).join(', ')}</td>
                <td>
                  <button
                    type="button"
                    data-delete={widget.id}
                    aria-label={`Delete ${widget.name}`}
                    onClick={() => setDeleting(widget)}
                  >
                    Delete
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
