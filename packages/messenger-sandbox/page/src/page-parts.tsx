/**
 * What the messengers' parts of the page share: the error line, the "who are you" form, the
 * chat's log and its entries, the row of buttons a bot offers, the list of bots and the form
 * that makes one.
 */
import { request } from '@frontdesk/staff';
import type { ComponentChildren, Ref } from 'preact';

/** The last failure, read out at once. */
export function ErrorLine({ error }: { error: string | undefined }) {
  return error ? (
    <p role="alert" class="error">
      {error}
    </p>
  ) : null;
}

/** Asks the person's name before the chat opens (`where`: "in Viber", "on Facebook"). */
export function NameForm({
  id,
  where,
  onSubmit,
}: {
  id: string;
  where: string;
  onSubmit: (event: Event) => void;
}) {
  return (
    <form class="card customer-form" onSubmit={onSubmit} aria-labelledby={`${id}-who`}>
      <h2 id={`${id}-who`}>Who are you {where}?</h2>
      <label for={`${id}-name`}>Your name</label>
      <input id={`${id}-name`} name="name" required maxLength={64} />
      <button class="primary" type="submit">
        Open the chat
      </button>
    </form>
  );
}

/** The chat's messages (`undefined` while loading), named after the bot or page. */
export function ChatLog({
  name,
  empty,
  logRef,
  children,
}: {
  name: string;
  empty: boolean;
  logRef?: Ref<HTMLDivElement>;
  children: ComponentChildren;
}) {
  return (
    <div class="log" role="log" aria-label={`Chat with ${name}`} ref={logRef}>
      {empty && <p class="empty">No messages yet.</p>}
      <ol>{children}</ol>
    </div>
  );
}

/** One message of a chat: the customer's on the right. */
export function ChatEntry({
  fromCustomer,
  sender,
  text,
}: {
  fromCustomer: boolean;
  sender?: string;
  text: string;
}) {
  return (
    <li class={`message${fromCustomer ? ' from-customer' : ''}`}>
      {sender !== undefined && <span class="sender">{sender}</span>}
      <p class="text">{text}</p>
    </li>
  );
}

/** The buttons the bot's last message offers (a keyboard, quick replies). */
export function Choices({
  legend,
  choices,
}: {
  legend: string;
  choices: { key: string; label: string; choose: () => void }[];
}) {
  return (
    <fieldset class="viber-keyboard">
      <legend class="visually-hidden">{legend}</legend>
      {choices.map((choice) => (
        <button key={choice.key} type="button" onClick={choice.choose}>
          {choice.label}
        </button>
      ))}
    </fieldset>
  );
}

/** A messenger's bots (pages) as links to their chats; `undefined` while loading. */
export function BotList({
  title,
  none,
  bots,
}: {
  title: string;
  none: string;
  bots: { key: string | number; href: string; label: string }[] | undefined;
}) {
  return (
    <>
      <h3>{title}</h3>
      {bots === undefined ? (
        <p>Loading…</p>
      ) : bots.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul class="bots">
          {bots.map((bot) => (
            <li key={bot.key}>
              <a href={bot.href}>{bot.label}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * What a home's "new bot" form makes: the fields `names` of the form that sent `event`, trimmed,
 * POSTed to the control API's `path`; the form is cleared once it is made.
 * @throws the control API's refusal (its message names the field).
 */
export async function createFromForm<T>(
  event: Event,
  path: string,
  names: readonly string[],
): Promise<T> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const fields = new FormData(form);
  const body = Object.fromEntries(
    names.map((name) => [name, String(fields.get(name) ?? '').trim()]),
  );
  const made = await request<T>(path, { method: 'POST', body });
  form.reset();
  return made;
}
