/** The words the history screen shows for the platform's codes. */
import type { CallChannel, CallFailReason, CallResult } from '@frontdesk/config';

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
  trunk: 'Trunk call',
};

/** Why a call failed, as staff read it. */
export const FAIL_REASON_TEXT: Record<CallFailReason, string> = {
  trunk_unavailable: 'Trunk unavailable',
};
