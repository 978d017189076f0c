import { currentSession, SignIn, type StaffSession } from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Shell } from './shell';

/** The console: sign-in, then the shell with its panes over one `/ops` connection. */
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
  if (session === undefined) return <p aria-busy="true">Loading…</p>;
  if (session === null) return <SignIn title="Frontdesk console" onSignedIn={setSession} />;
  return (
    <Shell
      session={session}
      onSignedOut={() => {
        signedOut.current = true;
        setSession(null);
      }}
    />
  );
}
