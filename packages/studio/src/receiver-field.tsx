import type { Receiver } from '@frontdesk/config';
import type { Person } from './api';
import { FieldErrors, fieldId } from './fields';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';

/** The account's employees and groups, to choose receivers from. */
export interface People {
  users: Person[];
  groups: Person[];
}

/** `employee:ID` / `group:ID` / '' (every operator): one value per option of the drop-down. */
function optionOf(receiver: Receiver | null | undefined): string {
  return receiver ? `${receiver.kind}:${receiver.id}` : '';
}

/** Who receives calls, messages or orders: an employee, a group, or every operator (null). */
export function ReceiverField({
  path,
  label,
  people,
}: {
  path: string;
  label: string;
  people: People;
}) {
  const t = useStudioTexts().receiver;
  const [value, set, errors, leave] = useField<Receiver | null>(path);
  const id = fieldId(path);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={optionOf(value)}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        onBlur={leave}
        onChange={(event) => {
          const [kind, ...rest] = (event.currentTarget as HTMLSelectElement).value.split(':');
          set(kind ? ({ kind, id: rest.join(':') } as Receiver) : null);
        }}
      >
        <option value="">{t.everyone}</option>
        <optgroup label={t.groups}>
          {people.groups.map((group) => (
            <option key={group.id} value={`group:${group.id}`}>
              {group.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t.employees}>
          {people.users.map((user) => (
            <option key={user.id} value={`employee:${user.id}`}>
              {user.name}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}
