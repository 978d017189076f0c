/**
 * The Calls screen: the softphone's registration, and each call to the operator's lines with
 * the caller's info (widget, page, the visitor's local time), answer / decline, mute, hang up
 * and the DTMF digits the visitor presses.
 */

import type { StaffSession } from '@frontdesk/staff';
import { useEffect, useRef, useState } from 'preact/hooks';
import { sipCredentials } from './api';
import {
  type PhoneCall,
  type PhoneStatus,
  type Softphone,
  startSoftphone,
  visitorTime,
} from './softphone';

const STATUS_TEXT: Record<PhoneStatus['state'], string> = {
  connecting: 'Connecting the softphone…',
  registered: 'Ready for calls',
  'no-lines': 'No call lines are assigned to you.',
  unavailable: 'Calls are unavailable: the SIP edge is not running.',
  error: 'The softphone could not register.',
};

const ENDED_TEXT: Record<NonNullable<PhoneCall['ended']>, string> = {
  visitor: 'The visitor ended the call.',
  operator: 'You ended the call.',
  elsewhere: 'Answered elsewhere or cancelled by the visitor.',
  failed: 'The call could not be connected.',
};

/** `mm:ss` since `from`. */
function since(from: number, now: number): string {
  const s = Math.max(0, Math.floor((now - from) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The remote audio of a call: plays it, and keeps it on the element for whoever listens. */
function RemoteAudio({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    audio.play().catch(() => undefined);
    return () => {
      audio.srcObject = null;
    };
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: a phone call's audio has no captions
  return <audio ref={ref} autoplay data-remote="" />;
}

function CallCard({ call, phone, now }: { call: PhoneCall; phone: Softphone; now: number }) {
  const caller = call.caller;
  const widget = caller?.widget?.name ?? 'Unknown widget';
  const local = visitorTime(caller, new Date(now));
  return (
    <li class="call-card" data-state={call.state} data-call-id={call.id}>
      <h3>
        {call.state === 'ringing' ? 'Incoming call' : 'Call'} — {widget}
      </h3>
      <dl>
        {caller?.page?.url ? (
          <>
            <dt>Page</dt>
            <dd data-field="page">
              {caller.page.title ? `${caller.page.title} — ` : ''}
              {caller.page.url}
            </dd>
          </>
        ) : null}
        {local ? (
          <>
            <dt>Visitor's local time</dt>
            <dd data-field="local-time">
              {local} ({caller?.visitor?.timeZone})
            </dd>
          </>
        ) : null}
        {call.state === 'answered' && call.answeredAt ? (
          <>
            <dt>Duration</dt>
            <dd>{since(call.answeredAt, now)}</dd>
          </>
        ) : null}
        <dt>Digits pressed</dt>
        <dd data-field="digits" aria-live="polite">
          {call.digits || '—'}
        </dd>
      </dl>
      {call.state === 'ringing' ? (
        <p class="actions">
          <button type="button" onClick={() => phone.answer(call.id)}>
            Answer
          </button>
          <button type="button" onClick={() => phone.decline(call.id)}>
            Decline
          </button>
        </p>
      ) : call.state === 'connecting' ? (
        <p>Connecting…</p>
      ) : call.state === 'answered' ? (
        <p class="actions">
          <button
            type="button"
            aria-pressed={call.muted ? 'true' : 'false'}
            onClick={() => phone.setMuted(call.id, !call.muted)}
          >
            Mute
          </button>
          <button type="button" onClick={() => phone.hangUp(call.id)}>
            Hang up
          </button>
        </p>
      ) : (
        <p class="actions">
          <span data-field="ended">{ENDED_TEXT[call.ended ?? 'visitor']}</span>{' '}
          <button type="button" onClick={() => phone.dismiss(call.id)}>
            Dismiss
          </button>
        </p>
      )}
      {call.remote && call.state === 'answered' ? <RemoteAudio stream={call.remote} /> : null}
    </li>
  );
}

/** The Calls screen; see the module comment. */
export function CallsPanel({
  session,
  announce,
}: {
  session: StaffSession;
  announce: (text: string) => void;
}) {
  const [status, setStatus] = useState<PhoneStatus>({ state: 'connecting', lines: [] });
  const [calls, setCalls] = useState<PhoneCall[]>([]);
  const [phone, setPhone] = useState<Softphone | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const known = new Set<string>();
    const started = startSoftphone(() => sipCredentials(session), {
      status: setStatus,
      calls: (list) => {
        for (const call of list) {
          if (call.state === 'ringing' && !known.has(call.id)) {
            known.add(call.id);
            announce(`Incoming call from ${call.caller?.widget?.name ?? 'the site'}`);
          }
        }
        setCalls(list);
      },
    });
    setPhone(started);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(tick);
      void started.stop();
    };
  }, [session]);
  return (
    <section class="calls" aria-labelledby="calls-title">
      <h2 id="calls-title">Calls</h2>
      <p class="phone-status" data-state={status.state} role="status">
        {STATUS_TEXT[status.state]}
        {status.state === 'registered'
          ? ` (${status.lines.map((line) => line.widgetName).join(', ')})`
          : ''}
        {status.message ? ` ${status.message}` : ''}
      </p>
      {phone && calls.length > 0 ? (
        <ul class="call-list">
          {calls.map((call) => (
            <CallCard key={call.id} call={call} phone={phone} now={now} />
          ))}
        </ul>
      ) : (
        <p class="empty">No calls right now.</p>
      )}
    </section>
  );
}
