import { currentSession, SignIn, type StaffSession } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { Shell } from './shell';

/** The console: sign-in, then the shell with its panes over one `/ops` connection. */
export function App() {
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
  }, []);
  if (session === undefined) return <p aria-busy="true">Loading…</p>;
  if (session === null) return <SignIn title="Frontdesk console" onSignedIn={setSession} />;
  return <Shell session={session} onSignedOut={() => setSession(null)} />;
}
