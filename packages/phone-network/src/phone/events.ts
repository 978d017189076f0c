/**
 * What a phone saw: baresip's events, and the calls they add up to (who called, under which
 * name, whether it was answered and how it ended).
 */
import type { RawPhoneEvent } from './control';

/** One of baresip's events (`CALL_INCOMING`, `CALL_RINGING`, `CALL_ESTABLISHED`, `CALL_CLOSED`…). */
export interface PhoneEvent {
  type: string;
  /** baresip's id of the call, when the event is about one. */
  callId: string | undefined;
  direction: 'incoming' | 'outgoing' | undefined;
  /** The other side: for an incoming call, the From URI (the caller id presented). */
  peerUri: string | undefined;
  /** The From display name of an incoming call. */
  peerName: string | undefined;
  /** The event's detail: for `CALL_CLOSED` the reason (`486 Rejected`, `Connection reset by peer`). */
  param: string | undefined;
}

/** A call of the phone, as its events told it. */
export interface PhoneCall {
  id: string;
  direction: 'incoming' | 'outgoing';
  /** The far end: the caller id (From URI) of an incoming call, the dialled URI of an outgoing one. */
  peerUri: string;
  /** The caller's display name (From), if it sent one. */
  peerName: string | undefined;
  established: boolean;
  /** Why it ended (`CALL_CLOSED`'s reason), while it has not: `undefined`. */
  closedReason: string | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A raw ctrl_tcp event in our shape. */
export function toPhoneEvent(raw: RawPhoneEvent): PhoneEvent {
  const direction =
    raw.direction === 'incoming' || raw.direction === 'outgoing' ? raw.direction : undefined;
  return {
    type: raw.type,
    callId: text(raw.id),
    direction,
    peerUri: text(raw.peeruri),
    peerName: text(raw.peerdisplayname),
    param: text(raw.param),
  };
}

/** Updates `calls` (oldest first) with `event`. */
export function recordCallEvent(calls: PhoneCall[], event: PhoneEvent): void {
  if (event.callId === undefined || event.direction === undefined) return;
  let call = calls.find((candidate) => candidate.id === event.callId);
  if (call === undefined) {
    call = {
      id: event.callId,
      direction: event.direction,
      peerUri: event.peerUri ?? '',
      peerName: event.peerName,
      established: false,
      closedReason: undefined,
    };
    calls.push(call);
  }
  call.peerName ??= event.peerName;
  if (event.type === 'CALL_ESTABLISHED') call.established = true;
  if (event.type === 'CALL_CLOSED') call.closedReason = event.param ?? '';
}
