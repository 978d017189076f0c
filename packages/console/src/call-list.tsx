/**
 * The calls list: the softphone's lines and the calls of this session. The calls themselves are
 * worked in the pop-up (call-dock.tsx), which shows whatever list is open.
 */
import { ANSWER_KEYS, CALLS_KEYS, widgetOf } from './call-dock';
import type { PhoneCall } from './softphone-calls';
import type { PhoneStatus } from './softphone-registration';

/** What the softphone's registration means for the operator. */
export const PHONE_STATUS_TEXT: Record<PhoneStatus['state'], string> = {
  connecting: 'Connecting the softphone…',
  registered: 'Ready for calls',
  'no-lines': 'No call lines are assigned to you: only automatic callbacks ring here.',
  unavailable: 'Calls are unavailable: the SIP edge is not running.',
  error: 'The softphone could not register.',
};

const CALL_STATE_TEXT: Record<PhoneCall['state'], string> = {
  ringing: 'Ringing',
  connecting: 'Connecting',
  answered: 'In the call',
  ended: 'Ended',
};

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The calls list; see the module comment. */
export function CallList({ status, calls }: { status: PhoneStatus; calls: PhoneCall[] }) {
  return (
    <div class="call-list">
      <p>
        {PHONE_STATUS_TEXT[status.state]}
        {status.message ? ` ${status.message}` : ''}
      </p>
      {status.lines.length > 0 && (
        <>
          <h2 id="lines-title">Your lines</h2>
          <ul aria-labelledby="lines-title">
            {status.lines.map((line) => (
              <li key={line.target}>{line.widgetName}</li>
            ))}
          </ul>
        </>
      )}
      <h2 id="calls-now">Calls now</h2>
      {calls.length === 0 ? (
        <p class="empty">No calls right now. A call rings in the pop-up, whatever list is open.</p>
      ) : (
        <ul class="rows" aria-labelledby="calls-now">
          {calls.map((call) => (
            <li key={call.id} class="call-row" data-state={call.state}>
              <span class="status">{CALL_STATE_TEXT[call.state]}</span>{' '}
              {call.order ? 'Automatic callback, ' : ''}
              {widgetOf(call)}, {clock.format(call.ringingAt)}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">
        {ANSWER_KEYS} answers a ringing call; {CALLS_KEYS} goes to the pop-up.
      </p>
    </div>
  );
}
