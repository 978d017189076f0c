/** The call widget's texts in English. */
import { coreMessagesEn } from '@frontdesk/core';
import type { Texts } from './call-messages';

/** Every text of the opened widget, in English. */
export const texts: Texts = {
  core: coreMessagesEn,
  call: {
    explain:
      'The call goes through your browser: it will ask for your microphone. Use headphones for the best sound.',
    call: 'Call',
    popOut: 'Call in a separate window',
    microphone: 'Waiting for the microphone…',
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
    orderCallback: 'Order a callback',
    writeMessage: 'Write to us',
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
  },
};
