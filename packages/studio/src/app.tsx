import {
  CallHistoryScreen,
  currentSession,
  LanguageContext,
  LanguageSwitcher,
  SignIn,
  type StaffRole,
  type StaffSession,
  signOut,
  staffTexts,
  useStaffLanguage,
} from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { AccountSettings } from './account-settings';
import { CreateWidget } from './create-widget';
import { GroupRules } from './group-rules';
import { studioTexts, useStudioTexts } from './i18n/studio-texts';
import { routeHref, useRoute } from './router';
import { Trunks } from './trunks';
import { mayLeave } from './unsaved-guard';
import { WidgetEditor } from './widget-editor';
import { WidgetList } from './widget-list';

/** Only those who may change widgets get in; operators work in the console. */
const EDITORS: readonly StaffRole[] = ['admin', 'marketer'];

/**
 * The Studio: sign-in, then the widget list, the create flow and each widget's settings; in the
 * user's language (their profile's, else their browser's), which the header's switcher changes.
 */
export function App() {
  const [session, setSession] = useState<StaffSession | null | undefined>(undefined);
  useEffect(() => {
    currentSession().then(
      (found) => setSession(found && EDITORS.includes(found.user.role) ? found : null),
      () => setSession(null),
    );
  }, []);
  const language = useStaffLanguage(session);
  const t = studioTexts[language.language];
  let shown = <p aria-busy="true">{staffTexts[language.language].loading}</p>;
  if (session === null) {
    shown = (
      <SignIn
        title={t.title}
        gate={{ roles: EDITORS, refusal: t.refusal }}
        onSignedIn={setSession}
      />
    );
  } else if (session) {
    shown = <Shell session={session} onSignedOut={() => setSession(null)} />;
  }
  return <LanguageContext.Provider value={language}>{shown}</LanguageContext.Provider>;
}

function Shell({ session, onSignedOut }: { session: StaffSession; onSignedOut: () => void }) {
  const t = useStudioTexts();
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
          {t.title}
        </a>
        <nav aria-label={t.nav.label}>
          <a
            href={routeHref({ screen: 'list' })}
            aria-current={route.screen === 'list' ? 'page' : undefined}
          >
            {t.nav.widgets}
          </a>
          <a
            href={routeHref({ screen: 'new' })}
            aria-current={route.screen === 'new' ? 'page' : undefined}
          >
            {t.nav.newWidget}
          </a>
          <a
            href={routeHref({ screen: 'groups' })}
            aria-current={route.screen === 'groups' ? 'page' : undefined}
          >
            {t.nav.groups}
          </a>
          <a
            href={routeHref({ screen: 'history' })}
            aria-current={route.screen === 'history' ? 'page' : undefined}
          >
            {t.nav.history}
          </a>
          {session.user.role === 'admin' && (
            <a
              href={routeHref({ screen: 'trunks' })}
              aria-current={route.screen === 'trunks' ? 'page' : undefined}
            >
              {t.nav.trunks}
            </a>
          )}
          <a
            href={routeHref({ screen: 'account' })}
            aria-current={route.screen === 'account' ? 'page' : undefined}
          >
            {t.nav.account}
          </a>
        </nav>
        <span class="who">{session.user.name}</span>
        <LanguageSwitcher />
        <button type="button" onClick={leave}>
          {t.nav.signOut}
        </button>
      </header>
      {route.screen === 'list' && <WidgetList session={session} />}
      {route.screen === 'new' && <CreateWidget session={session} />}
      {route.screen === 'groups' && <GroupRules session={session} />}
      {route.screen === 'trunks' && <Trunks session={session} />}
      {route.screen === 'account' && <AccountSettings session={session} />}
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
