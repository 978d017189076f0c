import { useErrorText } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStudioTexts } from './i18n/studio-texts';

/**
 * Asks to confirm deleting a widget (or a trunk, saying what that does), with an optional
 * reason unless `askReason` is false: a modal `<dialog>` (Esc cancels, focus starts in the
 * reason and goes back to the Delete button on cancel).
 */
export function DeleteDialog({
  name,
  onConfirm,
  onCancel,
  noun = 'widget',
  consequence,
  askReason = true,
}: {
  name: string;
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
  noun?: 'widget' | 'trunk';
  /** What deleting it does; a widget's by default. */
  consequence?: string;
  askReason?: boolean;
}) {
  const texts = useStudioTexts();
  const sayError = useErrorText();
  const t = texts.deleteDialog;
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal?.();
    // Cancelled, focus goes back to the Delete button; deleted, to the page (the row is gone).
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const confirm = async (event: Event) => {
    event.preventDefault();
    try {
      await onConfirm(reason);
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <dialog ref={ref} aria-labelledby="delete-title" onCancel={onCancel} class="delete-dialog">
      <form onSubmit={confirm}>
        <h2 id="delete-title">{t.title(name)}</h2>
        <p>{consequence ?? t.widgetGone}</p>
        {askReason && (
          <>
            <label for="delete-reason">{t.reason}</label>
            <textarea
              id="delete-reason"
              maxLength={500}
              value={reason}
              onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)}
            />
          </>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={onCancel}>
            {texts.cancel}
          </button>
          <button type="submit" class="danger">
            {t[noun]}
          </button>
        </div>
      </form>
    </dialog>
  );
}
