/** The words the history screen shows for the platform's codes. */
import type { CallChannel, CallResult } from '@frontdesk/config';

/** Each result as staff read it. */
export const RESULT_TEXT: Record<CallResult, string> = {
  answered: 'Answered',
  missed: 'Missed',
  busy: 'Busy',
  failed: 'Failed',
  cancelled: 'Cancelled',
  open: 'Open',
};

/** Each channel as staff read it. */
export const CHANNEL_TEXT: Record<CallChannel, string> = {
  call: 'Call from the site',
  callback: 'Callback order',
};
