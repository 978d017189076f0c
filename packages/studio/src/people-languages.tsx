import type { StaffUser, TextLocale } from '@frontdesk/config';
import { LANGUAGE_NAMES, type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { listUsers, saveUserLanguage } from './api';
import { useStudioTexts } from './i18n/studio-texts';

/**
 * The languages of the account's people, for admins: each person's language of the console and
 * the Studio (or their browser's), saved as soon as it is chosen — the way a new operator gets a
 * Russian console before their first sign-in. Each language is named in itself, like the header's
 * switcher.
 */
export function PeopleLanguages({ session }: { session: StaffSession }) {
  const texts = useStudioTexts();
  const t = texts.account;
  const sayError = useErrorText();
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listUsers().then(setUsers, (e: Error) => setError(sayError(e)));
  }, []);
  const choose = async (user: StaffUser, value: string) => {
    setStatus('');
    setError(null);
    try {
      const saved = await saveUserLanguage(session, user.id, (value || null) as TextLocale | null);
      setUsers((all) => all?.map((u) => (u.id === saved.id ? saved : u)) ?? null);
      setStatus(t.savedOf(saved.name));
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <section class="people-languages" aria-labelledby="people-languages-title">
      <h2 id="people-languages-title">{t.people}</h2>
      <p id="people-languages-hint" class="hint">
        {t.peopleHint}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {users === null ? (
        !error && <p aria-busy="true">{texts.loading}</p>
      ) : (
        <ul>
          {users.map((user) => (
            <li key={user.id} class="field">
              <label for={`language-${user.id}`}>{user.name}</label>
              <select
                id={`language-${user.id}`}
                aria-describedby="people-languages-hint"
                value={user.language ?? ''}
                onChange={(event) =>
                  void choose(user, (event.currentTarget as HTMLSelectElement).value)
                }
              >
                <option value="">{t.browser}</option>
                {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
                  <option key={code} value={code} lang={code}>
                    {name}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
