import type { CallHistoryEntry } from '@frontdesk/config';
import { CHANNEL_TEXT, FAIL_REASON_TEXT, RESULT_TEXT } from './labels';
import { minutesSeconds, zonedTimes } from './zoned-time';

/** The trunk a call went through, and the number that answered there: `Beeline, +7…`. */
function trunk(through: CallHistoryEntry['trunk']): string {
  if (!through) return '—';
  return [through.name ?? 'A deleted trunk', through.number].filter(Boolean).join(', ');
}

/** One line of the history in full; an order links to its own record when the app has one. */
export function HistoryDetails({
  entry,
  viewerZone,
  companyZone,
  orderHref,
  onClose,
}: {
  entry: CallHistoryEntry;
  viewerZone: string;
  companyZone: string | undefined;
  orderHref?: ((id: string) => string) | undefined;
  onClose: () => void;
}) {
  const time = (at: number | null) => {
    if (at === null) return '—';
    const { viewer, company } = zonedTimes(at, viewerZone, companyZone);
    return company ? `${viewer} (${company})` : viewer;
  };
  const utm = Object.entries(entry.utm)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const rows: [string, string][] = [
    ['Channel', CHANNEL_TEXT[entry.kind]],
    ['Time', time(entry.at)],
    ['Caller', entry.callerName ? `${entry.caller} (${entry.callerName})` : entry.caller],
    ['Dialled', entry.dialled],
    ['Line', entry.line ?? '—'],
    ['Result', `${RESULT_TEXT[entry.result]} (${entry.status})`],
    ['Failure', entry.failReason ? FAIL_REASON_TEXT[entry.failReason] : '—'],
    ['Answered by', entry.operator?.name ?? '—'],
    ['Trunk', trunk(entry.trunk)],
    ['Answered at', time(entry.answeredAt)],
    ['Ended at', time(entry.endedAt)],
    ['Duration', entry.duration === null ? '—' : minutesSeconds(entry.duration)],
    ['Slot', time(entry.slot)],
    ['Page', [entry.page.title, entry.page.url].filter(Boolean).join(' — ') || '—'],
    ['UTM', utm || '—'],
    ['Visitor’s time zone', entry.visitorTimeZone ?? '—'],
    ['Note', entry.note ?? '—'],
  ];
  return (
    <section class="history-details" aria-labelledby="history-details-title">
      <h2 id="history-details-title" tabIndex={-1}>
        {entry.kind === 'callback' ? `Order from ${entry.caller}` : `Call from ${entry.caller}`}
      </h2>
      <dl>
        {rows.map(([term, value]) => [
          <dt key={`t-${term}`}>{term}</dt>,
          <dd key={term}>{value}</dd>,
        ])}
      </dl>
      {entry.kind === 'callback' && orderHref && <a href={orderHref(entry.id)}>Open the order</a>}{' '}
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}
