import { PlatformError } from '@frontdesk/core';
import { useState } from 'preact/hooks';
import { errorText } from './error-text';
import { type Language, useLanguage, useTexts } from './i18n/language';
import { type StaffRole, type StaffSession, signIn, signOut } from './session';
import { type StaffTexts, staffTexts } from './staff-texts';

/** Who may use an app, and what anyone else reads after signing in. */
export interface SignInGate {
  roles: readonly StaffRole[];
  refusal: string;
}

/** Props of {@link SignIn}. */
export interface SignInProps {
  /** The app's name, the form's heading. */
  title: string;
  /** Only these roles get in (everyone else is signed out again); every role when absent. */
  gate?: SignInGate;
  onSignedIn: (session: StaffSession) => void;
}

/**
 * What a failed sign-in says: a sign-in refusal the catalogue knows, else any platform error as
 * the staff apps say it (error-text.ts), in the app's language.
 */
function refusalText(error: Error, refusals: StaffTexts['refusals'], language: Language): string {
  if (error instanceof PlatformError && Object.hasOwn(refusals, error.code)) {
    return refusals[error.code as keyof typeof refusals];
  }
  return errorText(language, error);
}

/** The sign-in form: e-mail and password; errors are announced. */
export function SignIn({ title, gate, onSignedIn }: SignInProps) {
  const t = useTexts(staffTexts);
  const { language } = useLanguage();
  const [error, setError] = useState<Error | 'refused' | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(String(form.get('email')), String(form.get('password')));
      if (!gate || gate.roles.includes(session.user.role)) return onSignedIn(session);
      await signOut(session).catch(() => undefined);
      setError('refused');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  // Kept as what happened, not as words, so a language switched meanwhile rewords it.
  const message =
    error === 'refused' ? gate?.refusal : error ? refusalText(error, t.refusals, language) : null;
  return (
    <main class="sign-in">
      <h1>{title}</h1>
      <form onSubmit={submit} aria-describedby={message ? 'sign-in-error' : undefined}>
        <label for="sign-in-email">{t.signIn.email}</label>
        <input id="sign-in-email" name="email" type="email" autocomplete="username" required />
        <label for="sign-in-password">{t.signIn.password}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        {message && (
          <p id="sign-in-error" role="alert" class="error">
            {message}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t.signIn.submit}
        </button>
      </form>
    </main>
  );
}
