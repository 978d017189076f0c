/** The call widget's texts in English, before a call (the call's own: live-texts-en.ts). */
import { coreMessagesEn } from '@frontdesk/core';
import type { OpenedTexts } from './call-messages';

/** Every text of the opened widget before a call, in English. */
export const texts: OpenedTexts = {
  core: coreMessagesEn,
  call: {
    explain:
      'The call goes through your browser: it will ask for your microphone. Use headphones for the best sound.',
    call: 'Call',
    microphone: 'Waiting for the microphone…',
    popOut: 'Call in a separate window',
    orderCallback: 'Order a callback',
    writeMessage: 'Write to us',
  },
};
