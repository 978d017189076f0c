/**
 * The call's state machine and the mapping of every failure to a reason the visitor reads. Pure:
 * no DOM, no sip.js — the widget feeds it events from the microphone prompt, the platform and
 * the SIP session, and renders what it returns.
 */

/** Where a call is. */
export type CallPhase =
  | 'idle'
  | 'microphone'
  | 'connecting'
  | 'ringing'
  | 'in-call'
  | 'reconnecting'
  | 'ended'
  | 'failed';

/** Why a call could not be placed or went on no longer; each has its own ru/en text. */
export type FailReason =
  | 'no_microphone'
  | 'permission_denied'
  | 'network'
  | 'no_answer'
  | 'busy'
  | 'declined'
  | 'unavailable'
  /** The line to the telephone network is down (the edge's 502): a callback still works. */
  | 'line_unavailable'
  | 'closed'
  | 'rate_limited'
  | 'connection_lost'
  | 'unknown';

/** The state the widget renders. */
export interface CallState {
  phase: CallPhase;
  /** Set in `failed`. */
  reason?: FailReason;
  /** When the call was answered (ms since the epoch): the in-call timer counts from it. */
  answeredAt?: number;
  /** Who ended an answered call. */
  endedBy?: 'visitor' | 'operator';
}

/** What happens to a call. */
export type CallEvent =
  | { type: 'start' }
  | { type: 'microphone-ready' }
  | { type: 'ringing' }
  | { type: 'answered'; at: number }
  | { type: 'failed'; reason: FailReason }
  | { type: 'hung-up' }
  | { type: 'remote-ended' }
  | { type: 'connection-lost' }
  | { type: 'connection-back' }
  | { type: 'reset' };

/** A call not yet started. */
export const idle: CallState = { phase: 'idle' };

/** True while a call is being placed or is going on: the visitor can hang up. */
export function isLive(phase: CallPhase): boolean {
  return (
    phase === 'microphone' ||
    phase === 'connecting' ||
    phase === 'ringing' ||
    phase === 'in-call' ||
    phase === 'reconnecting'
  );
}

/** The next state after `event`; events that make no sense in a state leave it as it is. */
export function nextState(state: CallState, event: CallEvent): CallState {
  const { phase } = state;
  switch (event.type) {
    case 'start':
      return phase === 'idle' || phase === 'ended' || phase === 'failed'
        ? { phase: 'microphone' }
        : state;
    case 'microphone-ready':
      return phase === 'microphone' ? { phase: 'connecting' } : state;
    case 'ringing':
      return phase === 'connecting' ? { phase: 'ringing' } : state;
    case 'answered':
      return phase === 'connecting' || phase === 'ringing'
        ? { phase: 'in-call', answeredAt: event.at }
        : state;
    case 'failed':
      return isLive(phase) ? { phase: 'failed', reason: event.reason } : state;
    case 'hung-up':
      return isLive(phase) ? { ...state, phase: 'ended', endedBy: 'visitor' } : state;
    case 'remote-ended':
      return isLive(phase) ? { ...state, phase: 'ended', endedBy: 'operator' } : state;
    case 'connection-lost':
      return phase === 'in-call' ? { ...state, phase: 'reconnecting' } : state;
    case 'connection-back':
      return phase === 'reconnecting' ? { ...state, phase: 'in-call' } : state;
    case 'reset':
      return isLive(phase) ? state : idle;
  }
}

/** The reason a `getUserMedia` failure (or its absence) gives. */
export function microphoneReason(error: unknown): FailReason {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    return 'permission_denied';
  }
  // NotFoundError, OverconstrainedError, NotReadableError (busy or broken device), no API at all.
  return 'no_microphone';
}

/** The reason a refused `POST /v1/widgets/:key/call-credentials` gives (`code` of the platform). */
export function platformReason(code: string): FailReason {
  switch (code) {
    case 'calls_unavailable':
      return 'unavailable';
    case 'closed_now':
      return 'closed';
    case 'rate_limited':
      return 'rate_limited';
    case 'network':
      return 'network';
    default:
      return 'unknown';
  }
}

/** The reason a final SIP answer to the INVITE gives. */
export function sipReason(status: number): FailReason {
  if (status === 480 || status === 408 || status === 404 || status === 487) return 'no_answer';
  if (status === 486 || status === 600) return 'busy';
  if (status === 603) return 'declined';
  if (status === 503) return 'unavailable';
  if (status === 502) return 'line_unavailable';
  return 'unknown';
}

/** `mm:ss` (or `h:mm:ss`) of a call that has lasted `ms`. */
export function callDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The DTMF digits a dial pad sends. */
export const DTMF_DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** Whether `key` (a `KeyboardEvent.key`) is a DTMF digit. */
export function isDtmf(key: string): boolean {
  return (DTMF_DIGITS as readonly string[]).includes(key);
}
