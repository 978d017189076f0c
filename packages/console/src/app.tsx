import { currentSession, SignIn, type StaffSession, signOut } from '@frontdesk/staff';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CallbackOrders } from './callback-orders';
import { CallsPanel } from './calls-panel';
import { ChatInbox } from './chat-inbox';
import { connectOps } from './ops-socket';
import { Presence } from './presence';

/** The console: sign-in, then the shell with its screens over one `/ops` connection. */
export function App() {
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
  }, []);
  if (session === undefined) return <p aria-busy="true">Loading…</p>;
  if (session === null) return <SignIn title="Frontdesk console" onSignedIn={setSession} />;
  return <Shell session={session} onSignedOut={() => setSession(null)} />;
}

function Shell({ session, onSignedOut }: { session: StaffSession; onSignedOut: () => void }) {
  const socket = useMemo(() => connectOps(), [session]);
  const [connected, setConnected] = useState(socket.connected);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    socket.on('connect', up);
    socket.on('disconnect', down);
    return () => socket.disconnect();
  }, [socket]);
  const leave = async () => {
    await signOut(session).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class="shell">
      <header>
        <span class="brand">Frontdesk console</span>
        <nav aria-label="Screens">
          <a href="#orders" aria-current="page">
            Callback orders
          </a>
          <a href="#chats">Chats</a>
          <a href="#calls">Calls</a>
        </nav>
        <span class="who">
          {session.user.name}{' '}
          <span class={connected ? 'online' : 'offline'}>
            {connected ? 'online' : 'reconnecting…'}
          </span>
        </span>
        <button type="button" onClick={leave}>
          Sign out
        </button>
      </header>
      <main id="orders">
        <CallbackOrders socket={socket} user={session.user} announce={setAnnouncement} />
        {session.user.role === 'operator' || session.user.role === 'admin' ? (
          <>
            <div id="chats">
              <ChatInbox socket={socket} user={session.user} announce={setAnnouncement} />
            </div>
            <div id="calls">
              <CallsPanel session={session} announce={setAnnouncement} />
            </div>
          </>
        ) : null}
      </main>
      <aside>
        <Presence socket={socket} />
      </aside>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
