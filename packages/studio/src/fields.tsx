/**
 * The form controls of the settings: each edits the value at one dotted path of the draft,
 * has a visible label, and shows the schema's issues for that path right below itself
 * (`aria-invalid`, `aria-describedby`), in the words the platform would use.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';

/** An element id for a dotted path. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * The issues of a field, announced as they appear (the alert wraps the list: a list that is
 * itself an alert is no list to assistive technology).
 */
export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={`${id}-error`} role="alert">
      <ul class="field-error">
        {errors.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

/** Props every field takes. */
interface FieldProps {
  path: string;
  label: string;
  hint?: string;
}

function invalid(id: string, errors: string[], hint?: string) {
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': errors.length ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
}

function Hint({ id, hint }: { id: string; hint?: string | undefined }) {
  return hint ? (
    <p id={`${id}-hint`} class="hint">
      {hint}
    </p>
  ) : null;
}

/** A line of text; `nullable`: empty stores null ("not set"). */
export function TextField({
  path,
  label,
  hint,
  multiline,
  nullable,
  type = 'text',
}: FieldProps & {
  multiline?: boolean;
  nullable?: boolean;
  type?: 'text' | 'email' | 'tel' | 'time' | 'date';
}) {
  const [value, set, errors, leave] = useField<string | null>(path);
  const id = fieldId(path);
  const props = {
    id,
    value: value ?? '',
    onInput: (event: Event) => {
      const text = (event.currentTarget as HTMLInputElement).value;
      set(nullable && text === '' ? null : text);
    },
    onBlur: leave,
    ...invalid(id, errors, hint),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} type={type as 'text'} />}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** A whole number; an emptied input stores NaN, which the schema reports. */
export function NumberField({
  path,
  label,
  hint,
  min,
  max,
}: FieldProps & { min?: number; max?: number }) {
  const [value, set, errors, leave] = useField<number>(path);
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={Number.isNaN(value) ? '' : value}
        onInput={(event) => set((event.currentTarget as HTMLInputElement).valueAsNumber)}
        onBlur={leave}
        {...invalid(id, errors, hint)}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** An on/off switch. */
export function Checkbox({ path, label, hint }: FieldProps) {
  const [value, set, errors, leave] = useField<boolean>(path);
  const id = fieldId(path);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(event) => set((event.currentTarget as HTMLInputElement).checked)}
        onBlur={leave}
        {...invalid(id, errors, hint)}
      />
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** One of a few values, as a drop-down. */
export function Select({
  path,
  label,
  hint,
  options,
}: FieldProps & { options: readonly (readonly [value: string, label: string])[] }) {
  const [value, set, errors, leave] = useField<string>(path);
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        value={value}
        onChange={(event) => set((event.currentTarget as HTMLSelectElement).value)}
        onBlur={leave}
        {...invalid(id, errors, hint)}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** A colour "#rrggbb": the picker and the same value as text, for exact brand colours. */
export function ColorField({ path, label }: FieldProps) {
  const t = useStudioTexts().appearance;
  const [value, set, errors, leave] = useField<string>(path);
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="color">
        <input
          type="color"
          aria-label={t.picker(label)}
          value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'}
          onInput={(event) => set((event.currentTarget as HTMLInputElement).value)}
          onBlur={leave}
        />
        <input
          id={id}
          value={value}
          size={8}
          onInput={(event) => set((event.currentTarget as HTMLInputElement).value)}
          onBlur={leave}
          {...invalid(id, errors)}
        />
      </div>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** The items of a list typed one per line; blank lines are not items. */
function lineItems(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A list of short values, one per line (e-mail addresses, phone numbers, origins); `normalize`
 * rewrites each item when the field is left (a site typed `example.com` becomes its origin),
 * and items that become the same are kept once.
 */
export function ListField({
  path,
  label,
  hint,
  normalize,
}: FieldProps & { normalize?: (item: string) => string }) {
  const [value, set, errors, leave] = useField<string[]>(path);
  const items = value ?? [];
  // The typed text is kept as typed (a trailing new line is where the next item goes) unless
  // the list changed from elsewhere (a reset, a template).
  const [text, setText] = useState(items.join('\n'));
  const shown = lineItems(text).join('\n') === items.join('\n') ? text : items.join('\n');
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        rows={3}
        value={shown}
        onInput={(event) => {
          const typed = (event.currentTarget as HTMLTextAreaElement).value;
          setText(typed);
          set(lineItems(typed));
        }}
        onBlur={() => {
          const normal = normalize ? [...new Set(items.map(normalize))] : items;
          if (normal.join('\n') !== items.join('\n')) set(normal);
          leave();
        }}
        {...invalid(id, errors, hint)}
      />
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

/** A titled group of fields. */
export function Fieldset({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The issues of a path no single control edits (a group's cross-field rule). */
export function GroupErrors({ path }: { path: string }) {
  const [, , errors] = useField(path);
  return <FieldErrors id={fieldId(path)} errors={errors} />;
}
