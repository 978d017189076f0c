/** The call's own texts in English: its states, its buttons and why it failed. */
import type { LiveCallMessages } from './call-messages';

/** The texts of a call under way, in English. */
export const liveTexts: LiveCallMessages = {
  connecting: 'Connecting…',
  ringing: 'Ringing…',
  inCall: 'In call',
  reconnecting: 'Connection lost. Reconnecting…',
  ended: 'The call has ended.',
  endedByOperator: 'The operator ended the call.',
  mute: 'Mute',
  hangUp: 'Hang up',
  dialPad: 'Dial pad',
  callAgain: 'Call again',
  reasons: {
    no_microphone: 'No microphone was found. Connect one and try again.',
    permission_denied:
      'Microphone access is blocked. Allow it in the browser (the icon in the address bar) and try again.',
    network: 'No connection to the server. Check your internet connection and try again.',
    no_answer: 'No one can answer right now. Please try again later.',
    busy: 'All operators are busy. Please try again in a few minutes.',
    declined: 'The call was declined. Please try again later.',
    unavailable: 'Calls are unavailable right now. Please try again later.',
    line_unavailable:
      'The phone line is unavailable right now. Please order a callback or try again later.',
    closed: 'We are closed now. Please call during working hours.',
    rate_limited: 'Too many calls. Please try again in a few minutes.',
    connection_lost: 'The connection was lost and the call has ended. Please call again.',
    unknown: 'The call failed. Please try again.',
  },
};
