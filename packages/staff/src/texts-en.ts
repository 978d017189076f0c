/** The shared staff parts' texts in English; its type is every language's (staff-texts.ts). */
import type { CallChannel, CallFailReason, CallResult } from '@frontdesk/config';

/** Every text of the sign-in, the language switcher and the call history, in English. */
export const staffTextsEn = {
  loading: 'Loading…',
  signIn: {
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
  },
  /** The platform's refusals by code; any other shows the platform's own message. */
  refusals: {
    invalid_credentials: 'The e-mail or the password is wrong.',
    rate_limited: 'Too many attempts. Wait a minute and try again.',
  },
  language: {
    label: 'Language',
    notSaved: 'Not saved to your profile; the next sign-in starts in the old language.',
  },
  history: {
    title: 'Call history',
    exportCsv: 'Export CSV',
    timesIn: (zone: string) => `Times in ${zone}.`,
    caption: 'Calls and callback orders, newest first',
    time: 'Time',
    channel: 'Channel',
    caller: 'Caller',
    dialled: 'Dialled',
    line: 'Line',
    answeredBy: 'Answered by',
    duration: 'Duration',
    result: 'Result',
    page: 'Page',
    utm: 'UTM',
    nothing: 'Nothing matches these filters.',
    showMore: 'Show more',
    filters: 'Filter the call history',
    from: 'From',
    to: 'To',
    widget: 'Widget',
    any: 'Any',
    apply: 'Apply',
    failure: 'Failure',
    trunk: 'Trunk',
    deletedTrunk: 'A deleted trunk',
    answeredAt: 'Answered at',
    endedAt: 'Ended at',
    slot: 'Slot',
    visitorZone: 'Visitor’s time zone',
    note: 'Note',
    orderFrom: (caller: string) => `Order from ${caller}`,
    callFrom: (caller: string) => `Call from ${caller}`,
    openOrder: 'Open the order',
    closeDetails: 'Close details',
    results: {
      answered: 'Answered',
      missed: 'Missed',
      busy: 'Busy',
      failed: 'Failed',
      cancelled: 'Cancelled',
      open: 'Open',
    } satisfies Record<CallResult, string>,
    channels: {
      call: 'Call from the site',
      callback: 'Callback order',
      trunk: 'Trunk call',
    } satisfies Record<CallChannel, string>,
    failReasons: {
      trunk_unavailable: 'Trunk unavailable',
    } satisfies Record<CallFailReason, string>,
  },
};
