/**
 * One SIP trunk's fields, as the admin API takes them (`/v1/admin/trunks`): the provider's proxy,
 * the digest login (the password write-only, as a bot token is), registration, the caller id and
 * where it goes, the most calls at once and the country codes it may dial. The platform checks
 * them: a refusal naming a field shows on that field, and that field takes focus.
 */
import type { AdminTrunk, SettingsIssue } from '@frontdesk/config';
import { PlatformError, type StaffSession } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { createTrunk, type TrunkInput, updateTrunk } from './api';
import { Checkbox, Fieldset, fieldId, ListField, NumberField, Select, TextField } from './fields';
import { FormProvider } from './form';
import { setAt } from './paths';
import { SecretField } from './secret-field';

/** A new trunk's fields: the admin API's defaults (port 5060, two calls, caller id in From). */
const FRESH: TrunkInput = {
  name: '',
  host: '',
  port: 5060,
  transport: 'udp',
  username: '',
  register: false,
  callerId: null,
  callerIdHeader: 'from',
  maxCalls: 2,
  destinations: ['7'],
};

/** The fields of `trunk` the admin API takes back (the password as the `{ set }` it read). */
function inputOf(trunk: AdminTrunk): TrunkInput {
  const {
    id: _,
    accountId: __,
    registration: ___,
    createdAt: ____,
    updatedAt: _____,
    ...input
  } = trunk;
  return input;
}

/** Adds a trunk (`trunk` null) or changes one; `onSaved` gets the platform's answer. */
export function TrunkForm({
  session,
  trunk,
  onSaved,
  onCancel,
}: {
  session: StaffSession;
  trunk: AdminTrunk | null;
  onSaved: (saved: AdminTrunk) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<TrunkInput>(() => (trunk ? inputOf(trunk) : FRESH));
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  // A refusal naming no field (the trunk is gone, the network failed): said under the form.
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState(0);
  const title = trunk ? `Edit ${trunk.name}` : 'Add a trunk';
  // The field the platform refused takes focus; else the form's first field, once, when it opens.
  useEffect(() => {
    // A list item's refusal (`destinations[1]`) is shown on, and focuses, the list's field.
    const path = (issues[0]?.path ?? 'name').replace(/\[\d+\]$/, '');
    document.getElementById(fieldId(path))?.focus();
  }, [refused]);
  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setIssues([]);
    try {
      onSaved(await (trunk ? updateTrunk(session, trunk.id, draft) : createTrunk(session, draft)));
    } catch (e) {
      const field = e instanceof PlatformError ? e.field : undefined;
      if (field) setIssues([{ path: field, message: (e as Error).message }]);
      else setError((e as Error).message);
      setRefused((n) => n + 1);
    }
  };
  return (
    <form class="settings trunk-form" aria-labelledby="trunk-form-title" onSubmit={save} noValidate>
      <h2 id="trunk-form-title">{title}</h2>
      <FormProvider
        form={{
          draft,
          set: (path, value) => setDraft((current) => setAt(current, path, value)),
          issues,
        }}
      >
        <TextField path="name" label="Name" />
        <Fieldset legend="The provider's SIP proxy">
          <TextField path="host" label="Host" hint="A host name or an IPv4 address" />
          <NumberField path="port" label="Port" min={1} max={65535} />
          <Select
            path="transport"
            label="Transport"
            options={[
              ['udp', 'UDP'],
              ['tcp', 'TCP'],
              ['tls', 'TLS'],
            ]}
          />
        </Fieldset>
        <Fieldset legend="Login the provider issued">
          <TextField path="username" label="Username" />
          <SecretField path="password" label="Password" />
          <Checkbox
            path="register"
            label="Register with the provider"
            hint="When they route calls to you only while registered"
          />
        </Fieldset>
        <Fieldset legend="Caller id">
          <TextField
            path="callerId"
            label="Caller id"
            hint="Like +74951234567. Empty: the username"
            type="tel"
            nullable
          />
          <Select
            path="callerIdHeader"
            label="Where the caller id goes"
            options={[
              ['from', 'The From header'],
              ['pai', 'A P-Asserted-Identity header'],
            ]}
          />
        </Fieldset>
        <NumberField path="maxCalls" label="Most calls at once" min={1} max={1000} />
        <ListField
          path="destinations"
          label="Countries it may call"
          hint="Country calling codes, one per line, like 7 or 375"
        />
      </FormProvider>
      {error && issues.length === 0 && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {trunk ? 'Save trunk' : 'Add trunk'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
