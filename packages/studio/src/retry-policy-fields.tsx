/**
 * An automatic callback's retry policy: how many times the platform tries, how far apart, how long
 * each call rings, and who is told when every attempt failed. A widget without one follows the
 * platform's default, said in words until the marketer chooses to change it.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@frontdesk/config';
import { useEffect, useRef } from 'preact/hooks';
import { Fieldset, fieldId, ListField, NumberField } from './fields';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';

/** The retry policy at `path` (`mode.retries`), absent = the default. */
export function RetryPolicyFields({ path }: { path: string }) {
  const t = useStudioTexts().retries;
  const [policy, set] = useField<RetryPolicy | undefined>(path);
  // Only a policy the marketer just asked for takes the focus, not one loaded with the widget.
  const asked = useRef(false);
  useEffect(() => {
    if (policy && asked.current) document.getElementById(fieldId(`${path}.attempts`))?.focus();
    asked.current = false;
  }, [policy, path]);
  return (
    <Fieldset legend={t.legend}>
      {policy ? (
        <>
          <NumberField path={`${path}.attempts`} label={t.attempts} min={1} max={10} />
          <NumberField path={`${path}.intervalMinutes`} label={t.interval} min={1} max={1440} />
          <NumberField path={`${path}.ringSeconds`} label={t.ring} min={5} max={120} />
          <ListField path={`${path}.notify.emails`} label={t.emails} hint={t.emailsHint} />
          <ListField path={`${path}.notify.smsNumbers`} label={t.sms} hint={t.smsHint} />
        </>
      ) : (
        <>
          <p>
            {t.byDefault(
              DEFAULT_RETRY_POLICY.attempts,
              DEFAULT_RETRY_POLICY.intervalMinutes,
              DEFAULT_RETRY_POLICY.ringSeconds,
            )}
          </p>
          <button
            type="button"
            onClick={() => {
              asked.current = true;
              set(structuredClone(DEFAULT_RETRY_POLICY));
            }}
          >
            {t.change}
          </button>
        </>
      )}
    </Fieldset>
  );
}
