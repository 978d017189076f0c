import { useState } from 'preact/hooks';
import { type StudioSession, signIn, signOut } from './api';

/** Roles that may change widgets. */
export const EDITORS: readonly StudioSession['user']['role'][] = ['admin', 'marketer'];

/** The sign-in form: e-mail and password; only marketers and admins get in. Errors are announced. */
export function SignIn({ onSignedIn }: { onSignedIn: (session: StudioSession) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(String(form.get('email')), String(form.get('password')));
      if (EDITORS.includes(session.user.role)) return onSignedIn(session);
      await signOut(session).catch(() => undefined);
      setError('The Studio is for marketers and admins. Operators use the console.');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in">
      <h1>Frontdesk Studio</h1>
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
