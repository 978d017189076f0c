/**
 * A call widget's forwarding scheme (README, "Calls to real phones"): who answers — an employee,
 * a group, or an external number through the account's SIP trunk — whether consoles and phones
 * ring at once or one after the other and for how long, the fallback when nobody answers (an
 * external number, or offering a callback), and the number the telephone network sees.
 */
import type { CallSettings } from '@frontdesk/config';
import { AddresseeField } from './callback-mode-field';
import { FieldErrors, Fieldset, fieldId, NumberField, Select, TextField } from './fields';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import type { People } from './receiver-field';

type Fallback = CallSettings['fallback'];

/** The fallback: offer a callback, or ring an external number (typed below). */
function FallbackField() {
  const texts = useStudioTexts();
  const t = texts.forwarding;
  const [fallback, set, errors, leave] = useField<Fallback>('fallback');
  const id = fieldId('fallback');
  return (
    <>
      <div class="field">
        <label for={id}>{t.fallback}</label>
        <select
          id={id}
          value={fallback.kind}
          aria-invalid={errors.length ? 'true' : undefined}
          aria-describedby={errors.length ? `${id}-error` : undefined}
          onBlur={leave}
          onChange={(event) =>
            set(
              (event.currentTarget as HTMLSelectElement).value === 'external'
                ? { kind: 'external', number: '' }
                : { kind: 'callback' },
            )
          }
        >
          <option value="callback">{t.offerCallback}</option>
          <option value="external">{t.ringExternal}</option>
        </select>
        <FieldErrors id={id} errors={errors} />
      </div>
      {fallback.kind === 'external' && (
        <TextField
          path="fallback.number"
          label={t.fallbackNumber}
          hint={texts.callback.numberHint}
          type="tel"
        />
      )}
    </>
  );
}

/** The fields of the forwarding scheme. */
export function CallForwardingFields({ people }: { people: People }) {
  const t = useStudioTexts().forwarding;
  return (
    <Fieldset legend={t.legend}>
      <AddresseeField path="forwarding" people={people} label={t.who} />
      <Select
        path="ringing"
        label={t.ringing}
        options={[
          ['together', t.together],
          ['sequential', t.sequential],
        ]}
      />
      <NumberField path="ringSeconds" label={t.seconds} hint={t.secondsHint} min={5} max={120} />
      <FallbackField />
      <TextField
        path="outgoingNumber"
        label={t.outgoing}
        hint={t.outgoingHint}
        type="tel"
        nullable
      />
    </Fieldset>
  );
}
