import {
  CallHistoryScreen,
  currentSession,
  SignIn,
  type SignInGate,
  type StaffSession,
  signOut,
} from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { CreateWidget } from './create-widget';
import { GroupRules } from './group-rules';
import { routeHref, useRoute } from './router';
import { Trunks } from './trunks';
import { mayLeave } from './unsaved-guard';
import { WidgetEditor } from './widget-editor';
import { WidgetList } from './widget-list';

/** Only those who may change widgets get in; operators work in the console. */
const EDITORS: SignInGate = {
  roles: ['admin', 'marketer'],
  refusal: 'The Studio is for marketers and admins. Operators use the console.',
};

/** The Studio: sign-in, then the widget list, the create flow and each widget's settings. */
export function App() {
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(
      (found) => setSession(found && EDITORS.roles.includes(found.user.role) ? found : null),
      () => setSession(null),
    );
  }, []);
  if (session === undefined) return <p aria-busy="true">Loading…</p>;
  if (session === null)
    return <SignIn title="Frontdesk Studio" gate={EDITORS} onSignedIn={setSession} />;
  return <Shell session={session} onSignedOut={() => setSession(null)} />;
}

function Shell({ session, onSignedOut }: { session: StaffSession; onSignedOut: () => void }) {
  const route = useRoute();
  const leave = async () => {
    if (!mayLeave()) return;
    await signOut(session).catch(() => undefined);
    onSignedOut();
  };
  return (
    <div class="shell">
      <header>
        <a class="brand" href={routeHref({ screen: 'list' })}>
          Frontdesk Studio
        </a>
        <nav aria-label="Studio">
          <a
            href={routeHref({ screen: 'list' })}
            aria-current={route.screen === 'list' ? 'page' : undefined}
          >
            Widgets
          </a>
          <a
            href={routeHref({ screen: 'new' })}
            aria-current={route.screen === 'new' ? 'page' : undefined}
          >
            New widget
          </a>
          <a
            href={routeHref({ screen: 'groups' })}
            aria-current={route.screen === 'groups' ? 'page' : undefined}
          >
            Groups
          </a>
          <a
            href={routeHref({ screen: 'history' })}
            aria-current={route.screen === 'history' ? 'page' : undefined}
          >
            Call history
          </a>
          {session.user.role === 'admin' && (
            <a
              href={routeHref({ screen: 'trunks' })}
              aria-current={route.screen === 'trunks' ? 'page' : undefined}
            >
              SIP trunks
            </a>
          )}
        </nav>
        <span class="who">{session.user.name}</span>
        <button type="button" onClick={leave}>
          Sign out
        </button>
      </header>
      {route.screen === 'list' && <WidgetList session={session} />}
      {route.screen === 'new' && <CreateWidget session={session} />}
      {route.screen === 'groups' && <GroupRules session={session} />}
      {route.screen === 'trunks' && <Trunks session={session} />}
      {route.screen === 'history' && (
        <main class="history">
          <CallHistoryScreen />
        </main>
      )}
      {route.screen === 'widget' && (
        <WidgetEditor key={route.id} session={session} id={route.id} tab={route.tab} />
      )}
    </div>
  );
}
