/** The field a customer writes in, with Send (Enter sends, Shift+Enter breaks the line). */
export function Compose({
  id,
  maxLength,
  draft,
  setDraft,
  onSend,
}: {
  id: string;
  maxLength: number;
  draft: string;
  setDraft: (text: string) => void;
  onSend: (event: Event) => void;
}) {
  return (
    <form class="compose" onSubmit={onSend}>
      <label for={id} class="visually-hidden">
        Message
      </label>
      <textarea
        id={id}
        rows={2}
        maxLength={maxLength}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) onSend(event);
        }}
      />
      <button class="primary" type="submit">
        Send
      </button>
    </form>
  );
}
