import {
  currentSession,
  LanguageContext,
  SignIn,
  type StaffSession,
  staffTexts,
  useStaffLanguage,
} from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { consoleTexts } from './i18n/console-texts';
import { Shell } from './shell';

/**
 * The console: sign-in, then the shell with its panes over one `/ops` connection; in the user's
 * language (their profile's, else their browser's), which the navigation's switcher changes.
 */
export function App() {
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  const signedOut = useRef(false);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
  }, []);
  // Signing out replaces the whole console: the keyboard goes to the form to sign in again.
  useLayoutEffect(() => {
    if (session === null && signedOut.current) document.getElementById('sign-in-email')?.focus();
  }, [session]);
  const language = useStaffLanguage(session);
  let shown = <p aria-busy="true">{staffTexts[language.language].loading}</p>;
  if (session === null) {
    shown = <SignIn title={consoleTexts[language.language].title} onSignedIn={setSession} />;
  } else if (session) {
    shown = (
      <Shell
        session={session}
        onSignedOut={() => {
          signedOut.current = true;
          setSession(null);
        }}
      />
    );
  }
  return <LanguageContext.Provider value={language}>{shown}</LanguageContext.Provider>;
}
