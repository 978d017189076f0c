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
import type { People } from './receiver-field';

type Fallback = CallSettings['fallback'];

/** The fallback: offer a callback, or ring an external number (typed below). */
function FallbackField() {
  const [fallback, set, errors, leave] = useField<Fallback>('fallback');
  const id = fieldId('fallback');
  return (
    <>
      <div class="field">
        <label for={id}>When nobody answers, nobody is online, or out of hours</label>
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
          <option value="callback">Offer a callback</option>
          <option value="external">Ring an external number</option>
        </select>
        <FieldErrors id={id} errors={errors} />
      </div>
      {fallback.kind === 'external' && (
        <TextField
          path="fallback.number"
          label="Fallback number"
          hint="Like +74951234567"
          type="tel"
        />
      )}
    </>
  );
}

/** The fields of the forwarding scheme. */
export function CallForwardingFields({ people }: { people: People }) {
  return (
    <Fieldset legend="Forwarding scheme">
      <AddresseeField path="forwarding" people={people} label="Forwarding: who answers calls" />
      <Select
        path="ringing"
        label="Consoles and external phones ring"
        options={[
          ['together', 'At once'],
          ['sequential', 'One after the other: the consoles first, then the phones'],
        ]}
      />
      <NumberField
        path="ringSeconds"
        label="Each ring lasts, in seconds"
        hint="5 to 120; then the next step rings: the phones, then the fallback"
        min={5}
        max={120}
      />
      <FallbackField />
      <TextField
        path="outgoingNumber"
        label="Outgoing number"
        hint="The caller the telephone network sees. Empty: the trunk's"
        type="tel"
        nullable
      />
    </Fieldset>
  );
}
