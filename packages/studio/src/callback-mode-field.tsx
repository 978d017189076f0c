import type { CallbackSettings } from '@frontdesk/config';
import {
  Checkbox,
  FieldErrors,
  Fieldset,
  fieldId,
  GroupErrors,
  ListField,
  TextField,
} from './fields';
import { useField } from './form';
import { freshAutomaticMode } from './fresh-settings';
import { type People, ReceiverField } from './receiver-field';

type Mode = CallbackSettings['mode'];
type Addressee = Extract<Mode, { kind: 'automatic' }>['addressee'];

/** Fresh settings of each mode, for switching between them (the other mode's fields are dropped). */
const FRESH: Record<Mode['kind'], () => Mode> = {
  automatic: freshAutomaticMode,
  manual: () => ({ kind: 'manual', emails: [], smsNumbers: [] }),
};

/**
 * Who takes it (an automatic callback, a call): the receiver drop-down named `label`, or an
 * external number.
 */
export function AddresseeField({
  path,
  people,
  label = 'Addressee',
}: {
  path: string;
  people: People;
  label?: string;
}) {
  const [value, set] = useField<Addressee>(path);
  const external = value?.kind === 'external';
  const id = `${fieldId(path)}-external`;
  return (
    <>
      <div class="field check">
        <input
          id={id}
          type="checkbox"
          checked={external}
          onChange={(event) =>
            set(
              (event.currentTarget as HTMLInputElement).checked
                ? { kind: 'external', number: '' }
                : null,
            )
          }
        />
        <label for={id}>Forward to an external number</label>
      </div>
      {external ? (
        <TextField
          path={`${path}.number`}
          label="External number"
          hint="Like +74951234567"
          type="tel"
        />
      ) : (
        <ReceiverField path={path} label={label} people={people} />
      )}
    </>
  );
}

/**
 * How callback orders are served (the callback widget, and the chat's callback channel at
 * `path`): automatic — addressee, outgoing number, allowed directions; manual — e-mails and SMS.
 */
export function CallbackModeField({ path, people }: { path: string; people: People }) {
  const [mode, set, errors, leave] = useField<Mode>(path);
  return (
    <Fieldset legend="Callback mode">
      <div role="radiogroup" aria-label="Mode" class="radios">
        {(['automatic', 'manual'] as const).map((kind) => (
          <div class="field check" key={kind}>
            <input
              id={`${fieldId(path)}-${kind}`}
              type="radio"
              name={`${path}-kind`}
              checked={mode.kind === kind}
              onChange={() => set(FRESH[kind]())}
              onBlur={leave}
            />
            <label for={`${fieldId(path)}-${kind}`}>
              {kind === 'automatic'
                ? 'Automatic: the platform connects the visitor and the employee'
                : 'Manual: employees are notified and call back'}
            </label>
          </div>
        ))}
      </div>
      <FieldErrors id={`${fieldId(path)}-kind`} errors={errors} />
      {mode.kind === 'automatic' ? (
        <>
          <AddresseeField path={`${path}.addressee`} people={people} />
          <TextField
            path={`${path}.outgoingNumber`}
            label="Outgoing number shown to the visitor"
            hint="Empty: the account's default number"
            type="tel"
            nullable
          />
          <Fieldset legend="Allowed call directions">
            <Checkbox path={`${path}.directions.local`} label="Local" />
            <Checkbox path={`${path}.directions.national`} label="National" />
            <Checkbox path={`${path}.directions.international`} label="International" />
            <GroupErrors path={`${path}.directions`} />
          </Fieldset>
        </>
      ) : (
        <>
          <ListField path={`${path}.emails`} label="Notify by e-mail" hint="One address per line" />
          <ListField
            path={`${path}.smsNumbers`}
            label="Notify by SMS"
            hint="One number per line, like +74951234567"
          />
        </>
      )}
    </Fieldset>
  );
}
