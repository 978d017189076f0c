/**
 * The softphone's calls: each incoming INVITE — to one of the operator's lines with the caller's
 * info, or from the platform for an automatic callback with its order — the DTMF digits the visitor presses (SIP INFO), and what the operator does with it —
 * answer, decline, hang up, mute — told to the screen as a fresh list after every change.
 */
import { dtmfDigit } from '@frontdesk/call/sip-client';
import { type Info, type Invitation, SessionState, type Web } from 'sip.js';
import { type CallbackCallOrder, parseCallbackOrder } from './callback-call';
import { type CallerInfo, parseCaller } from './caller-info';

/** A call to one of the operator's lines, or an automatic callback's. */
export interface PhoneCall {
  id: string;
  state: 'ringing' | 'connecting' | 'answered' | 'ended';
  caller: CallerInfo | null;
  /** The order of an automatic callback (the platform calls, then connects the visitor). */
  order: CallbackCallOrder | null;
  /** DTMF digits the visitor pressed, in order. */
  digits: string;
  muted: boolean;
  ringingAt: number;
  answeredAt?: number;
  /** Why it ended: the visitor hung up or cancelled, the operator, another operator answered. */
  ended?: 'visitor' | 'operator' | 'elsewhere' | 'failed';
  /** The visitor's audio, once answered. */
  remote?: MediaStream;
}

/** What the operator does with the calls. */
export interface CallControls {
  answer(id: string): void;
  decline(id: string): void;
  hangUp(id: string): void;
  setMuted(id: string, muted: boolean): void;
  /** Forgets an ended call. */
  dismiss(id: string): void;
}

/** The calls of one softphone. */
export interface SoftphoneCalls extends CallControls {
  /** The user agent's `onInvite`. */
  onInvite(invitation: Invitation): void;
  /** Hangs up the answered calls (the softphone stops). */
  byeAll(): Promise<void>;
}

/** The calls, told to `publish` after every change; see the module comment. */
export function softphoneCalls(publish: (calls: PhoneCall[]) => void): SoftphoneCalls {
  const calls = new Map<string, { call: PhoneCall; invitation: Invitation }>();
  const tell = () => publish([...calls.values()].map(({ call }) => ({ ...call })));
  const update = (id: string, change: Partial<PhoneCall>) => {
    const entry = calls.get(id);
    if (!entry) return;
    entry.call = { ...entry.call, ...change };
    tell();
  };

  return {
    onInvite(invitation) {
      const id = invitation.id;
      const caller = parseCaller(invitation.request.getHeader('X-Frontdesk-Caller'));
      const order = parseCallbackOrder(invitation.request.getHeader('X-Frontdesk-Callback'));
      calls.set(id, {
        invitation,
        call: {
          id,
          state: 'ringing',
          caller,
          order,
          digits: '',
          muted: false,
          ringingAt: Date.now(),
        },
      });
      invitation.delegate = {
        onInfo: (info: Info) => {
          const message = info.request;
          const digit = dtmfDigit(message.getHeader('Content-Type'), message.body);
          void info.accept().catch(() => undefined);
          const entry = calls.get(id);
          if (digit && entry) update(id, { digits: entry.call.digits + digit });
        },
      };
      invitation.stateChange.addListener((state) => {
        const entry = calls.get(id);
        if (!entry) return;
        if (state === SessionState.Established) {
          const handler = invitation.sessionDescriptionHandler as Web.SessionDescriptionHandler;
          update(id, {
            state: 'answered',
            answeredAt: Date.now(),
            remote: handler.remoteMediaStream,
          });
        } else if (state === SessionState.Terminated && entry.call.state !== 'ended') {
          update(id, {
            state: 'ended',
            ended:
              entry.call.state === 'answered'
                ? 'visitor'
                : entry.call.state === 'connecting'
                  ? 'failed'
                  : 'elsewhere',
          });
        }
      });
      tell();
    },
    answer(id) {
      const entry = calls.get(id);
      if (entry?.call.state !== 'ringing') return;
      update(id, { state: 'connecting' });
      // An automatic callback's INVITE has no offer: sip.js then offers in its 200 and takes the
      // answer from the ACK (RFC 3261 §13.2.1), which is all the platform's controller needs.
      entry.invitation
        .accept({
          sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
        })
        .catch(() => update(id, { state: 'ended', ended: 'failed' }));
    },
    decline(id) {
      const entry = calls.get(id);
      if (entry?.call.state !== 'ringing') return;
      update(id, { state: 'ended', ended: 'operator' });
      void entry.invitation.reject({ statusCode: 486 }).catch(() => undefined);
    },
    hangUp(id) {
      const entry = calls.get(id);
      if (!entry || entry.call.state === 'ended') return;
      update(id, { state: 'ended', ended: 'operator' });
      if (entry.invitation.state === SessionState.Established) {
        void entry.invitation.bye().catch(() => undefined);
      } else void entry.invitation.reject().catch(() => undefined);
    },
    setMuted(id, muted) {
      const entry = calls.get(id);
      const handler = entry?.invitation.sessionDescriptionHandler as
        | Web.SessionDescriptionHandler
        | undefined;
      for (const track of handler?.localMediaStream.getAudioTracks() ?? []) track.enabled = !muted;
      update(id, { muted });
    },
    dismiss(id) {
      if (calls.get(id)?.call.state !== 'ended') return;
      calls.delete(id);
      tell();
    },
    async byeAll() {
      for (const { invitation } of calls.values()) {
        if (invitation.state === SessionState.Established)
          await invitation.bye().catch(() => undefined);
      }
    },
  };
}
