/** What the call widget says of the call as it stands: the status line and the live region. */
import { errorText } from '@frontdesk/core';
import type { Texts } from './call-messages';
import { type CallState, callDuration } from './call-state';

/** The status line of `call` at `now` (ms): empty before the first call. */
export function callStatus(call: CallState, texts: Texts, now: number): string {
  const t = texts.call;
  switch (call.phase) {
    case 'idle':
      return '';
    case 'microphone':
      return t.microphone;
    case 'connecting':
      return t.connecting;
    case 'ringing':
      return t.ringing;
    case 'in-call':
      return `${t.inCall} ${callDuration(now - (call.answeredAt ?? now))}`;
    case 'reconnecting':
      return t.reconnecting;
    case 'ended':
      return call.endedBy === 'operator' ? t.endedByOperator : t.ended;
    case 'failed':
      return t.reasons[call.reason ?? 'unknown'] ?? errorText(texts.core, 'unknown');
  }
}
