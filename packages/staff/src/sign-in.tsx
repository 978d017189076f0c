import { useState } from 'preact/hooks';
import { type StaffRole, type StaffSession, signIn, signOut } from './session';

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

/** The sign-in form: e-mail and password; errors are announced. */
export function SignIn({ title, gate, onSignedIn }: SignInProps) {
  const [error, setError] = useState<string | null>(null);
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
      setError(gate.refusal);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>{title}</h1>
      <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <label for="sign-in-email">E-mail</label>
        <input id="sign-in-email" name="email" type="email" autocomplete="username" required />
        <label for="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        {error && (
          <p id="sign-in-error" role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
