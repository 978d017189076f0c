/**
 * What the chats of the messengers that show "typing…" and keep their customer in the browser
 * share (Facebook's, VK's): the chat's head, the name the "who are you" form was given, and
 * registering the customer with the sandbox and keeping them.
 */
import { request } from '@frontdesk/staff';

/** The chat's head: whom it is with, in which messenger, and "typing…" read out. */
export function ChatHead({
  name,
  messenger,
  typing,
}: {
  name: string;
  messenger: string;
  typing: boolean;
}) {
  return (
    <div class="chat-head">
      <h1>
        {name} <span class="handle">{messenger}</span>
      </h1>
      <p class="typing" role="status">
        {typing ? `${name} is typing…` : ''}
      </p>
    </div>
  );
}

/** The name typed in the NameForm that sent `event` (the submit is the page's, not the browser's). */
export function nameTyped(event: Event): string {
  event.preventDefault();
  return String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? '').trim();
}

/** Registers the customer `body` at the control API's `path` and keeps them under `key`. */
export async function registerKept<C>(key: string, path: string, body: object): Promise<C> {
  const made = await request<C>(path, { method: 'POST', body });
  localStorage.setItem(key, JSON.stringify(made));
  return made;
}
