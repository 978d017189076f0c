/** The runtime's texts in English. */
import type { CoreMessages } from './core-messages';

/** The runtime's texts in English. */
export const coreMessagesEn: CoreMessages = {
  close: 'Close',
  poweredBy: 'Powered by',
  errors: {
    invalid_phone: 'Please check the phone number.',
    slot_unavailable: 'This time is no longer available. Please choose another one.',
    closed_now: 'We cannot call right now. Please choose a time.',
    consent_required: 'Please agree to the processing of personal data.',
    rate_limited: 'Too many requests. Please try again in a minute.',
    network: 'No connection to the server. Please check your connection and try again.',
    origin_not_allowed: 'This widget is not set up for this website.',
    widget_not_found: 'This widget is not available.',
    unknown: 'Something went wrong. Please try again.',
  },
};
