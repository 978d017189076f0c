/**
 * One SIP trunk's fields, as the admin API takes them (`/v1/admin/trunks`): the provider's proxy,
 * the digest login (the password write-only, as a bot token is), registration, the caller id and
 * where it goes, the most calls at once and the country codes it may dial. The platform checks
 * them: a refusal naming a field shows on that field, and that field takes focus.
 */
import type { AdminTrunk, SettingsIssue } from '@frontdesk/config';
import { PlatformError, type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { createTrunk, type TrunkInput, updateTrunk } from './api';
import { Checkbox, Fieldset, fieldId, ListField, NumberField, Select, TextField } from './fields';
import { FormProvider } from './form';
import { useStudioTexts } from './i18n/studio-texts';
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
  const texts = useStudioTexts();
  const sayError = useErrorText();
  const t = texts.trunks;
  const [draft, setDraft] = useState<TrunkInput>(() => (trunk ? inputOf(trunk) : FRESH));
  const [issues, setIssues] = useState<SettingsIssue[]>([]);
  // A refusal naming no field (the trunk is gone, the network failed): said under the form.
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState(0);
  const title = trunk ? t.editOf(trunk.name) : t.add;
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
      if (field) setIssues([{ path: field, message: sayError(e) }]);
      else setError(sayError(e));
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
        <TextField path="name" label={texts.name} />
        <Fieldset legend={t.proxyLegend}>
          <TextField path="host" label={t.host} hint={t.hostHint} />
          <NumberField path="port" label={t.port} min={1} max={65535} />
          <Select
            path="transport"
            label={t.transport}
            options={[
              ['udp', 'UDP'],
              ['tcp', 'TCP'],
              ['tls', 'TLS'],
            ]}
          />
        </Fieldset>
        <Fieldset legend={t.login}>
          <TextField path="username" label={t.username} />
          <SecretField path="password" label={t.password} />
          <Checkbox path="register" label={t.register} hint={t.registerHint} />
        </Fieldset>
        <Fieldset legend={t.callerIdLegend}>
          <TextField path="callerId" label={t.callerId} hint={t.callerIdHint} type="tel" nullable />
          <Select
            path="callerIdHeader"
            label={t.header}
            options={[
              ['from', t.from],
              ['pai', t.pai],
            ]}
          />
        </Fieldset>
        <NumberField path="maxCalls" label={t.maxCalls} min={1} max={1000} />
        <ListField path="destinations" label={t.destinations} hint={t.destinationsHint} />
      </FormProvider>
      {error && issues.length === 0 && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {trunk ? t.saveTrunk : t.addTrunk}
        </button>
        <button type="button" onClick={onCancel}>
          {texts.cancel}
        </button>
      </div>
    </form>
  );
}
