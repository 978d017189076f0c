/**
 * The softphone for the console's life: registered with the operator's credentials while signed
 * in (operators and admins only), its status and calls as state, and each call that starts
 * ringing told once.
 */
import type { StaffSession } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sipCredentials } from './api';
import { type Softphone, startSoftphone } from './softphone';
import type { PhoneCall } from './softphone-calls';
import type { PhoneStatus } from './softphone-registration';

/** What the console shows of its phone. */
export interface PhoneState {
  status: PhoneStatus;
  calls: PhoneCall[];
  /** Null until started (and for those who answer no calls). */
  phone: Softphone | null;
}

/** The softphone of `session` when `enabled`; `onRinging` hears of each new ringing call. */
export function useSoftphone(
  session: StaffSession,
  enabled: boolean,
  onRinging: (call: PhoneCall) => void,
): PhoneState {
  const [status, setStatus] = useState<PhoneStatus>({ state: 'connecting', lines: [] });
  const [calls, setCalls] = useState<PhoneCall[]>([]);
  const [phone, setPhone] = useState<Softphone | null>(null);
  const notify = useRef(onRinging);
  notify.current = onRinging;
  useEffect(() => {
    if (!enabled) return;
    const known = new Set<string>();
    const started = startSoftphone(() => sipCredentials(session), {
      status: setStatus,
      calls: (list) => {
        for (const call of list) {
          if (call.state === 'ringing' && !known.has(call.id)) {
            known.add(call.id);
            notify.current(call);
          }
        }
        setCalls(list);
      },
    });
    setPhone(started);
    return () => {
      void started.stop();
    };
  }, [session, enabled]);
  return { status, calls, phone };
}
