/** The callback widget's texts in English. */
import { coreMessagesEn } from '@frontdesk/core';
import type { Texts } from './callback-messages';

/** Every text of the opened widget, in English. */
export const texts: Texts = {
  core: coreMessagesEn,
  callback: {
    phone: 'Phone number',
    country: 'Country code',
    phoneRequired: 'Please enter your phone number.',
    phoneIncomplete: 'The number looks incomplete.',
    phoneInvalid: 'This does not look like a valid phone number.',
    phoneValid: 'The number looks right.',
    name: 'Your name (optional)',
    when: 'When should we call?',
    now: 'Right now',
    soon: 'As soon as possible',
    chooseTime: 'Choose a time',
    timeRequired: 'Please choose a time for the call.',
    noSlots: 'We have no time to offer in the coming days. Please try again later.',
    yourZone: (zone) => `Times are in your time zone (${zone}).`,
    companyTime: (time) => `${time} company time`,
    consent: 'I agree to the processing of my personal data',
    sendNow: 'Call me now',
    sendAt: (when) => `Call me ${when}`,
    send: 'Call me back',
    sending: 'Sending…',
    doneTitle: 'Thank you!',
    doneNow: 'We are calling you in a moment.',
    doneSoon: 'We will call you back as soon as possible.',
    doneAt: (when) => `We will call you ${when}.`,
    kept: 'You are offline. We will send your request once you are back online.',
    trap: 'Leave this field empty',
  },
};
