/** "Who are you in Telegram?": the names a bot sees of its customer. */
import { useState } from 'preact/hooks';
import type { Customer } from './control-types';
import { registerCustomer } from './profile';

export function CustomerForm({ onReady }: { onReady: (customer: Customer) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setBusy(true);
    setError(undefined);
    try {
      onReady(
        await registerCustomer({
          firstName: field('firstName') ?? '',
          ...(field('lastName') ? { lastName: field('lastName') } : {}),
          ...(field('username') ? { username: field('username') } : {}),
        }),
      );
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <form class="card customer-form" onSubmit={submit} aria-labelledby="customer-form-title">
      <h2 id="customer-form-title">Who are you in Telegram?</h2>
      <p>The bot sees these names, as it would a real customer's.</p>
      <label for="customer-first-name">First name</label>
      <input
        id="customer-first-name"
        name="firstName"
        required
        maxLength={64}
        autoComplete="given-name"
      />
      <label for="customer-last-name">Last name (optional)</label>
      <input id="customer-last-name" name="lastName" maxLength={64} autoComplete="family-name" />
      <label for="customer-username">Username (optional)</label>
      <input
        id="customer-username"
        name="username"
        pattern="[A-Za-z][A-Za-z0-9_]{4,31}"
        aria-describedby="customer-username-hint"
      />
      <p id="customer-username-hint" class="hint">
        5–32 letters, digits or _, starting with a letter.
      </p>
      <button class="primary" type="submit" disabled={busy}>
        Open the chat
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
