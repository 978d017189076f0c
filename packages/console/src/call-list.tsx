/**
 * The calls list: the softphone's lines and the calls of this session. The calls themselves are
 * worked in the pop-up (call-dock.tsx), which shows whatever list is open.
 */
import { dateLocale, useLanguage } from '@frontdesk/staff';
import { ANSWER_KEYS, CALLS_KEYS, widgetOf } from './call-dock';
import { type ConsoleTexts, consoleTexts } from './i18n/console-texts';
import type { PhoneCall } from './softphone-calls';
import type { PhoneProblem, PhoneStatus } from './softphone-registration';

/** Why the softphone is in error, after its state (a space first); nothing without a problem. */
function problemText(t: ConsoleTexts, problem: PhoneProblem | undefined): string {
  if (!problem) return '';
  return ` ${problem.kind === 'refused' ? t.phoneProblems.refused(problem.code) : t.phoneProblems[problem.kind]}`;
}

/** The calls list; see the module comment. */
export function CallList({ status, calls }: { status: PhoneStatus; calls: PhoneCall[] }) {
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short' });
  return (
    <div class="call-list">
      <p>
        {t.phoneStatus[status.state]}
        {problemText(t, status.problem)}
      </p>
      {status.lines.length > 0 && (
        <>
          <h2 id="lines-title">{t.calls.yourLines}</h2>
          <ul aria-labelledby="lines-title">
            {status.lines.map((line) => (
              <li key={line.target}>{line.widgetName}</li>
            ))}
          </ul>
        </>
      )}
      <h2 id="calls-now">{t.calls.now}</h2>
      {calls.length === 0 ? (
        <p class="empty">{t.calls.empty}</p>
      ) : (
        <ul class="rows" aria-labelledby="calls-now">
          {calls.map((call) => (
            <li key={call.id} class="call-row" data-state={call.state}>
              <span class="status">{t.calls.states[call.state]}</span>{' '}
              {call.order ? `${t.dock.automatic}, ` : ''}
              {widgetOf(call, t)}, {clock.format(call.ringingAt)}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t.calls.hint(ANSWER_KEYS, CALLS_KEYS)}</p>
    </div>
  );
}
