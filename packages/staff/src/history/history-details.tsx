import type { CallHistoryEntry } from '@frontdesk/config';
import { statusText } from '../enquiry-status';
import { useLanguage } from '../i18n/language';
import { staffTexts } from '../staff-texts';
import { minutesSeconds, zonedTimes } from './zoned-time';

/** The trunk a call went through, and the number that answered there: `Beeline, +7…`. */
function trunk(through: CallHistoryEntry['trunk'], deleted: string): string {
  if (!through) return '—';
  return [through.name ?? deleted, through.number].filter(Boolean).join(', ');
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
  const { language } = useLanguage();
  const t = staffTexts[language].history;
  const time = (at: number | null) => {
    if (at === null) return '—';
    const { viewer, company } = zonedTimes(at, viewerZone, companyZone, language);
    return company ? `${viewer} (${company})` : viewer;
  };
  const utm = Object.entries(entry.utm)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const result = t.results[entry.result];
  const status = statusText(language, entry.status);
  const rows: [string, string][] = [
    [t.channel, t.channels[entry.kind]],
    [t.time, time(entry.at)],
    [t.caller, entry.callerName ? `${entry.caller} (${entry.callerName})` : entry.caller],
    [t.dialled, entry.dialled],
    [t.line, entry.line ?? '—'],
    // The status says more only where it is another word ("Missed (nobody online)").
    [t.result, status.toLowerCase() === result.toLowerCase() ? result : `${result} (${status})`],
    [t.failure, entry.failReason ? t.failReasons[entry.failReason] : '—'],
    [t.answeredBy, entry.operator?.name ?? '—'],
    [t.trunk, trunk(entry.trunk, t.deletedTrunk)],
    [t.answeredAt, time(entry.answeredAt)],
    [t.endedAt, time(entry.endedAt)],
    [t.duration, entry.duration === null ? '—' : minutesSeconds(entry.duration)],
    [t.slot, time(entry.slot)],
    [t.page, [entry.page.title, entry.page.url].filter(Boolean).join(' — ') || '—'],
    [t.utm, utm || '—'],
    [t.visitorZone, entry.visitorTimeZone ?? '—'],
    [t.note, entry.note ?? '—'],
  ];
  return (
    <section class="history-details" aria-labelledby="history-details-title">
      <h2 id="history-details-title" tabIndex={-1}>
        {entry.kind === 'callback' ? t.orderFrom(entry.caller) : t.callFrom(entry.caller)}
      </h2>
      <dl>
        {rows.map(([term, value]) => [
          <dt key={`t-${term}`}>{term}</dt>,
          <dd key={term}>{value}</dd>,
        ])}
      </dl>
      {entry.kind === 'callback' && orderHref && <a href={orderHref(entry.id)}>{t.openOrder}</a>}{' '}
      <button type="button" onClick={onClose}>
        {t.closeDetails}
      </button>
    </section>
  );
}
