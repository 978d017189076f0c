/**
 * The SIP trunks screen (admins; issue 20): the account's trunks — the ways out to the telephone
 * network — listed with their proxy, transport, where their registration stands (read-only, as
 * the platform reads it from the SIP edge) and whether a password is stored;
 * added, changed and deleted here as through the admin API. The password is never shown: the
 * platform answers only whether one is set. After a save the focus goes to the trunk's Edit
 * button; after a delete, to the Edit button of the row that took its place (or the one before),
 * or to "Add a trunk" when none is left.
 */
import type { AdminTrunk, TrunkRegistration } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteTrunk, listTrunks } from './api';
import { DeleteDialog } from './delete-dialog';
import { type StudioTexts, useStudioTexts } from './i18n/studio-texts';
import { TrunkForm } from './trunk-form';

/** Where a trunk's registration stands, in `t`'s words (as the platform read it from the edge). */
export function registrationText(
  registration: TrunkRegistration,
  t: StudioTexts['trunks'],
): string {
  if (registration.state !== 'failed') return t.states[registration.state];
  return registration.reason === 'credentials'
    ? t.credentials
    : registration.reason === 'no_answer'
      ? t.noAnswer
      : t.sipCode(registration.sipCode);
}

/** What the form is open for: a new trunk, or the trunk with this id. */
type Editing = { id: string | null } | null;

/** The screen. */
export function Trunks({ session }: { session: StaffSession }) {
  const texts = useStudioTexts();
  const sayError = useErrorText();
  const t = texts.trunks;
  const [trunks, setTrunks] = useState<AdminTrunk[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<AdminTrunk | null>(null);
  const add = useRef<HTMLButtonElement>(null);
  /** The trunk whose Edit button takes focus once the list is drawn ('' = "Add a trunk"). */
  const focusNext = useRef<string | null>(null);
  const admin = session.user.role === 'admin';
  useEffect(() => {
    if (admin) listTrunks().then(setTrunks, (e: Error) => setError(sayError(e)));
  }, [admin]);
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    (id === '' ? add.current : document.getElementById(`trunk-edit-${id}`))?.focus();
  }, [trunks, editing]);

  if (!admin) {
    return (
      <main>
        <h1>{t.title}</h1>
        <p>{t.adminsOnly}</p>
      </main>
    );
  }
  const close = () => {
    focusNext.current = editing?.id ?? '';
    setEditing(null);
  };
  const saved = (trunk: AdminTrunk) => {
    const known = trunks?.some((t) => t.id === trunk.id);
    setTrunks((list) =>
      known ? (list ?? []).map((t) => (t.id === trunk.id ? trunk : t)) : [...(list ?? []), trunk],
    );
    setStatus(known ? t.saved(trunk.name) : t.added(trunk.name));
    focusNext.current = trunk.id;
    setEditing(null);
  };
  const remove = async () => {
    if (!deleting) return;
    await deleteTrunk(session, deleting.id);
    const list = trunks ?? [];
    const at = list.findIndex((t) => t.id === deleting.id);
    focusNext.current = (list[at + 1] ?? list[at - 1])?.id ?? '';
    setTrunks(list.filter((t) => t.id !== deleting.id));
    if (editing?.id === deleting.id) setEditing(null);
    setStatus(t.deleted(deleting.name));
    setDeleting(null);
  };
  const edited = trunks?.find((t) => t.id === editing?.id);

  return (
    <main class="trunks">
      <h1>{t.title}</h1>
      <p class="hint">{t.hint}</p>
      <p>
        <button
          ref={add}
          type="button"
          class="primary"
          disabled={editing?.id === null}
          onClick={() => setEditing({ id: null })}
        >
          {t.add}
        </button>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {trunks === null ? (
        <p aria-busy="true">{texts.loading}</p>
      ) : trunks.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{texts.name}</th>
              <th scope="col">{t.proxy}</th>
              <th scope="col">{t.transport}</th>
              <th scope="col">{t.registration}</th>
              <th scope="col">{t.password}</th>
              <th scope="col">
                <span class="visually-hidden">{t.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trunks.map((trunk) => (
              <tr key={trunk.id}>
                <th scope="row">{trunk.name}</th>
                <td>
                  {trunk.host}:{trunk.port}
                </td>
                <td>{trunk.transport.toUpperCase()}</td>
                <td data-registration={trunk.registration.state}>
                  {registrationText(trunk.registration, t)}
                </td>
                <td>{trunk.password.set ? t.set : t.none}</td>
                <td>
                  <button
                    id={`trunk-edit-${trunk.id}`}
                    type="button"
                    aria-label={t.editOf(trunk.name)}
                    onClick={() => setEditing({ id: trunk.id })}
                  >
                    {t.edit}
                  </button>{' '}
                  <button
                    type="button"
                    aria-label={t.deleteOf(trunk.name)}
                    onClick={() => setDeleting(trunk)}
                  >
                    {texts.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(editing?.id === null || edited) && (
        <TrunkForm
          key={edited?.id ?? 'new'}
          session={session}
          trunk={edited ?? null}
          onSaved={saved}
          onCancel={close}
        />
      )}
      {deleting && (
        <DeleteDialog
          name={deleting.name}
          noun="trunk"
          consequence={t.consequence}
          askReason={false}
          onConfirm={remove}
          onCancel={() => setDeleting(null)}
        />
      )}
      <div class="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </main>
  );
}
