/**
 * "Hand over": the operator who holds a conversation (or anyone, while nobody does; an admin
 * always) gives it to a colleague or to a group, with a note for them. Inline, like closing: a
 * native dialog would block the console. Focus goes to the choice when it opens and back to the
 * button when it is dismissed.
 */

import type { TransferTarget } from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HandOverChoice } from './api';
import { useConsoleTexts } from './i18n/console-texts';

/** The hand-over control; `choices` loads whom it can go to when opened. */
export function HandOver({
  choices,
  transfer,
}: {
  choices: () => Promise<HandOverChoice[]>;
  transfer: (to: TransferTarget, note: string) => Promise<void>;
}) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const [asking, setAsking] = useState(false);
  const [options, setOptions] = useState<HandOverChoice[] | null>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (!asking) return;
    let current = true;
    choices().then(
      (found) => {
        if (!current) return;
        setOptions(found);
        setTo((chosen) => chosen || (found[0] ? `${found[0].kind}:${found[0].id}` : ''));
      },
      (e: Error) => current && setError(sayError(e)),
    );
    return () => {
      current = false;
    };
  }, [asking, choices]);
  useLayoutEffect(() => {
    if (asking) selectRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking, options]);

  if (!asking) {
    return (
      <button type="button" ref={openRef} onClick={() => setAsking(true)}>
        {t.handOver.open}
      </button>
    );
  }
  const people = options?.filter((o) => o.kind === 'employee') ?? [];
  const groups = options?.filter((o) => o.kind === 'group') ?? [];
  return (
    <form
      class="hand-over"
      aria-label={t.handOver.form}
      onSubmit={(event) => {
        event.preventDefault();
        const [kind, id] = to.split(':', 2) as [TransferTarget['kind'], string];
        if (!id) return;
        setBusy(true);
        setError(null);
        transfer({ kind, id }, note.trim()).then(
          () => {
            setBusy(false);
            setNote('');
            setAsking(false);
          },
          (e: Error) => {
            setBusy(false);
            setError(sayError(e));
          },
        );
      }}
    >
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <label>
        {t.handOver.to}
        <select
          ref={selectRef}
          value={to}
          disabled={!options}
          onChange={(event) => setTo(event.currentTarget.value)}
        >
          {!options && <option value="">{t.loading}</option>}
          {people.length > 0 && (
            <optgroup label={t.handOver.colleagues}>
              {people.map((p) => (
                <option key={p.id} value={`employee:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
          {groups.length > 0 && (
            <optgroup label={t.handOver.groups}>
              {groups.map((g) => (
                <option key={g.id} value={`group:${g.id}`}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        {t.handOver.note}
        <textarea
          rows={2}
          maxLength={2000}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy || !to}>
        {t.handOver.submit}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t.cancel}
      </button>
    </form>
  );
}
