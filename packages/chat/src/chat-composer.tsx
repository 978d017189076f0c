/**
 * The chat's composer: the message field (Enter sends, Shift+Enter breaks the line, Enter that
 * ends an IME composition does neither), the consent tick where the config asks for one, and
 * Send, which waits for it.
 */
import type { Ref } from 'preact';
import type { ChatMessages } from './chat-messages';

/** Id of the message field. */
const INPUT_ID = 'fd-chat-input';

/** Props of {@link ChatComposer}. */
export interface ChatComposerProps {
  texts: ChatMessages;
  draft: string;
  /** The consent tick's wording; absent: no tick asked for. */
  consentText?: string | undefined;
  consent: boolean;
  canSend: boolean;
  inputRef: Ref<HTMLTextAreaElement>;
  onDraft(draft: string): void;
  onConsent(consent: boolean): void;
  /** Sends `text` (the field's value) when it may be sent. */
  onSend(text: string): void;
}

/** The composer; see the module comment. */
export function ChatComposer(props: ChatComposerProps) {
  const { texts: m, consentText } = props;
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSend(props.draft);
      }}
    >
      <label class="sr-only" for={INPUT_ID}>
        {m.message}
      </label>
      <textarea
        ref={props.inputRef}
        id={INPUT_ID}
        class="input"
        rows={2}
        maxLength={4000}
        placeholder={m.placeholder}
        value={props.draft}
        data-autofocus
        onInput={(event) => props.onDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            // The field's own value: a render may not have caught up with the last keystroke yet.
            props.onSend(event.currentTarget.value);
          }
        }}
      />
      {consentText === undefined ? null : (
        <label class="check">
          <input
            type="checkbox"
            checked={props.consent}
            onChange={(event) => props.onConsent(event.currentTarget.checked)}
          />
          <span>{consentText}</span>
        </label>
      )}
      <button type="submit" class="send" disabled={!props.canSend}>
        {m.send}
      </button>
    </form>
  );
}
