import type { StaffSession } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { deleteWidget, listWidgets, updateWidget, type Widget } from './api';
import { DeleteDialog } from './delete-dialog';
import { routeHref } from './router';
import { activeChannels, formatOf, TYPE_NAMES } from './widget-summary';

/** The account's widgets: active toggle, name, type, format, active channels; delete. */
export function WidgetList({ session }: { session: StaffSession }) {
  const [widgets, setWidgets] = useState<Widget[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [deleting, setDeleting] = useState<Widget | null>(null);
  useEffect(() => {
    listWidgets().then(setWidgets, (e: Error) => setError(e.message));
  }, []);

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
    setWidgets((list) => list?.filter((w) => w.id !== deleting.id) ?? null);
    setStatus(`${deleting.name} was deleted.`);
    setDeleting(null);
  };

  return (
    <main>
      <h1>Widgets</h1>
      <p>
        <a class="button primary" href={routeHref({ screen: 'new' })}>
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
