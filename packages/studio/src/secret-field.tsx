/**
 * A write-only secret of the settings (a bot token). The Studio never sees a stored one: the
 * platform answers `{ set }` in its place, and keeps it for every save that sends that back. A
 * stored secret shows as "set — Replace / Clear"; Replace reveals an empty field for the new one
 * (left empty, the stored one stays), Clear sends null on save; until then "Keep the stored one"
 * takes either back.
 */
import type { SecretState } from '@frontdesk/config';
import { useEffect, useRef, useState } from 'preact/hooks';
import { FieldErrors, fieldId } from './fields';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';

type Secret = string | null | SecretState | undefined;

const isState = (value: Secret): value is SecretState =>
  value !== null && typeof value === 'object';

/** The secret at `path`, named `label`. */
export function SecretField({ path, label }: { path: string; label: string }) {
  const t = useStudioTexts().secret;
  const [value, set, errors, leave] = useField<Secret>(path);
  // Whether the platform holds one: what the last `{ set }` said (a save brings a new one).
  const [stored, setStored] = useState(isState(value) && value.set);
  useEffect(() => {
    if (isState(value)) setStored(value.set);
  }, [value]);
  // A button pressed here replaces itself: focus goes on to what replaced it, not to the page.
  const next = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    if (!moved) return;
    next.current?.focus();
    setMoved(false);
  }, [moved]);
  const change = (secret: Secret) => {
    set(secret);
    setMoved(true);
  };
  const id = fieldId(path);
  const keep = (ref?: typeof next) => (
    <button type="button" ref={ref} onClick={() => change({ set: true })}>
      {t.keep}
    </button>
  );

  if (isState(value) && value.set) {
    return (
      <div class="field secret">
        <p id={id}>{t.set(label)}</p>
        <button type="button" ref={next} aria-describedby={id} onClick={() => change(undefined)}>
          {t.replace}
        </button>
        <button type="button" aria-describedby={id} onClick={() => change(null)}>
          {t.clear}
        </button>
      </div>
    );
  }
  if (value === null && stored) {
    return (
      <div class="field secret">
        <p id={id}>{t.cleared(label)}</p>
        {keep(next)}
      </div>
    );
  }
  return (
    <div class="field secret">
      <label for={id}>{stored ? t.newOne(label) : label}</label>
      <input
        id={id}
        ref={next}
        value={typeof value === 'string' ? value : ''}
        autocomplete="off"
        spellcheck={false}
        onBlur={leave}
        onInput={(event) => {
          const text = (event.currentTarget as HTMLInputElement).value;
          // Nothing typed changes nothing: a stored secret is kept, none stays none.
          set(text === '' ? undefined : text);
        }}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      />
      {stored && keep()}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
