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
import { useStudioTexts } from './i18n/studio-texts';
import { type People, ReceiverField } from './receiver-field';
import { RetryPolicyFields } from './retry-policy-fields';

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
  label,
}: {
  path: string;
  people: People;
  /** The receiver drop-down's label; "Addressee" (the catalogue's) when absent. */
  label?: string;
}) {
  const t = useStudioTexts().callback;
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
        <label for={id}>{t.external}</label>
      </div>
      {external ? (
        <TextField
          path={`${path}.number`}
          label={t.externalNumber}
          hint={t.numberHint}
          type="tel"
        />
      ) : (
        <ReceiverField path={path} label={label ?? t.addressee} people={people} />
      )}
    </>
  );
}

/**
 * How callback orders are served (the callback widget, and the chat's callback channel at
 * `path`): automatic — addressee, outgoing number, allowed directions, retry policy; manual —
 * e-mails and SMS.
 */
export function CallbackModeField({ path, people }: { path: string; people: People }) {
  const [mode, set, errors, leave] = useField<Mode>(path);
  const t = useStudioTexts().callback;
  return (
    <Fieldset legend={t.mode}>
      <div role="radiogroup" aria-label={t.modeGroup} class="radios">
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
              {kind === 'automatic' ? t.automatic : t.manual}
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
            label={t.outgoing}
            hint={t.outgoingHint}
            type="tel"
            nullable
          />
          <Fieldset legend={t.directions}>
            <Checkbox path={`${path}.directions.local`} label={t.local} />
            <Checkbox path={`${path}.directions.national`} label={t.national} />
            <Checkbox path={`${path}.directions.international`} label={t.international} />
            <GroupErrors path={`${path}.directions`} />
          </Fieldset>
          <RetryPolicyFields path={`${path}.retries`} />
        </>
      ) : (
        <>
          <ListField path={`${path}.emails`} label={t.emails} hint={t.emailsHint} />
          <ListField path={`${path}.smsNumbers`} label={t.sms} hint={t.smsHint} />
        </>
      )}
    </Fieldset>
  );
}
