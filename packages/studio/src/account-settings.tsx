import type { TextLocale } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { getAccount, saveAccountLanguage } from './api';
import { useStudioTexts } from './i18n/studio-texts';
import { PeopleLanguages } from './people-languages';

/**
 * The account's settings: the language of what the platform writes for it — the staff's order
 * e-mails and SMS, non-working chat e-mails, the embed-code e-mail. Everyone sees it; admins
 * change it, and below it each person's language of the staff apps.
 */
export function AccountSettings({ session }: { session: StaffSession }) {
  const t = useStudioTexts();
  const sayError = useErrorText();
  const [language, setLanguage] = useState<TextLocale | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getAccount().then(
      (account) => setLanguage(account.language),
      (e: Error) => setError(sayError(e)),
    );
  }, []);
  const admin = session.user.role === 'admin';
  const save = async (event: Event) => {
    event.preventDefault();
    if (!language) return;
    setStatus('');
    setError(null);
    try {
      setLanguage((await saveAccountLanguage(session, language)).language);
      setStatus(t.saved);
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <main class="account">
      <h1>{t.account.title}</h1>
      {!admin && <p>{t.account.adminsOnly}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {language === null ? (
        !error && <p aria-busy="true">{t.loading}</p>
      ) : (
        <form onSubmit={save}>
          <div class="field">
            <label for="account-language">{t.account.language}</label>
            <p id="account-language-hint" class="hint">
              {t.account.languageHint}
            </p>
            <select
              id="account-language"
              value={language}
              disabled={!admin}
              aria-describedby="account-language-hint"
              onChange={(event) =>
                setLanguage((event.currentTarget as HTMLSelectElement).value as TextLocale)
              }
            >
              <option value="ru">{t.languages.ru}</option>
              <option value="en">{t.languages.en}</option>
            </select>
          </div>
          {admin && (
            <button type="submit" class="primary">
              {t.save}
            </button>
          )}
          <p role="status">{status}</p>
        </form>
      )}
      {admin && <PeopleLanguages session={session} />}
    </main>
  );
}
