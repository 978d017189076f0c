/**
 * The call history screen the console and the Studio both show: every call from the site and
 * every callback order, newest first, with filters, "Show more" paging, the CSV of what the
 * filter shows, and a row's details. Times in the viewer's zone, the company's beside them
 * where its clock differs.
 */
import type { CallHistoryEntry } from '@frontdesk/config';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../error-text';
import { useLanguage } from '../i18n/language';
import { staffTexts } from '../staff-texts';
import { type HistoryChoices, historyChoices, historyCsvHref, historyPage } from './history-api';
import { HistoryDetails } from './history-details';
import { type FilterFields, HistoryFilters, NO_FILTER, toFilter } from './history-filters';
import { browserZone, minutesSeconds, zonedTimes } from './zoned-time';

/** Props of {@link CallHistoryScreen}. */
export interface CallHistoryScreenProps {
  /** The viewer's IANA zone; the browser's when absent. */
  viewerZone?: string;
  /** Where an order's own record opens (the console's order view), if the app has one. */
  orderHref?: (id: string) => string;
  /** The heading's level: 1 where the screen is the page, 2 inside a page. */
  headingLevel?: 1 | 2;
}

/** See the module comment. */
export function CallHistoryScreen({
  viewerZone = browserZone(),
  orderHref,
  headingLevel = 1,
}: CallHistoryScreenProps) {
  const { language } = useLanguage();
  const t = staffTexts[language].history;
  const [choices, setChoices] = useState<HistoryChoices>({ widgets: [], people: [] });
  const [fields, setFields] = useState<FilterFields>(NO_FILTER);
  const [entries, setEntries] = useState<CallHistoryEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<CallHistoryEntry | null>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const filter = toFilter(fields, viewerZone);

  useEffect(() => {
    historyChoices().then(setChoices, (e: Error) => setError(errorText(language, e)));
  }, []);

  const load = async (cursor: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const page = await historyPage(filter, cursor);
      setEntries((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      setError(errorText(language, e));
    } finally {
      setBusy(false);
    }
  };
  // A new filter starts from the first page.
  const key = JSON.stringify(filter);
  useEffect(() => {
    setOpen(null);
    void load(null);
  }, [key]);
  // Opened details take the keyboard; closed, it goes back to the row's button.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (open) detailsRef.current?.querySelector<HTMLElement>('h2')?.focus();
    else if (returnTo) document.getElementById(returnTo)?.focus();
  }, [open, returnTo]);

  const zoneOf = (widgetId: string) =>
    choices.widgets.find((w) => w.id === widgetId)?.settings.schedule.timeZone;
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section class="call-history" aria-labelledby="call-history-title">
      <Heading id="call-history-title">{t.title}</Heading>
      <HistoryFilters choices={choices} onApply={setFields} />
      <p>
        <a href={historyCsvHref(filter)} download="call-history.csv">
          {t.exportCsv}
        </a>{' '}
        <span class="muted">{t.timesIn(viewerZone)}</span>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <table aria-busy={busy ? 'true' : 'false'}>
        <caption class="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.time}</th>
            <th scope="col">{t.channel}</th>
            <th scope="col">{t.caller}</th>
            <th scope="col">{t.dialled}</th>
            <th scope="col">{t.line}</th>
            <th scope="col">{t.answeredBy}</th>
            <th scope="col">{t.duration}</th>
            <th scope="col">{t.result}</th>
            <th scope="col">{t.page}</th>
            <th scope="col">{t.utm}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { viewer, company } = zonedTimes(
              entry.at,
              viewerZone,
              zoneOf(entry.widgetId),
              language,
            );
            const id = `history-row-${entry.kind}-${entry.id}`;
            return (
              <tr key={id} aria-selected={open?.id === entry.id ? 'true' : undefined}>
                <td>
                  <button
                    type="button"
                    id={id}
                    class="link"
                    onClick={() => {
                      setReturnTo(id);
                      setOpen(entry);
                    }}
                  >
                    {viewer}
                  </button>
                  {company && <small class="company-time">{company}</small>}
                </td>
                <td>{t.channels[entry.kind]}</td>
                <td>
                  {entry.caller}
                  {entry.callerName && <small> {entry.callerName}</small>}
                </td>
                <td>{entry.dialled}</td>
                <td>{entry.line ?? ''}</td>
                <td>{entry.operator?.name ?? ''}</td>
                <td>{entry.duration === null ? '' : minutesSeconds(entry.duration)}</td>
                <td>{t.results[entry.result]}</td>
                <td>{entry.page.title ?? entry.page.url ?? ''}</td>
                <td>
                  {[entry.utm.source, entry.utm.medium, entry.utm.campaign]
                    .filter(Boolean)
                    .join(' / ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!busy && entries.length === 0 && !error && <p>{t.nothing}</p>}
      {next && (
        <button type="button" disabled={busy} onClick={() => load(next)}>
          {t.showMore}
        </button>
      )}
      <div ref={detailsRef}>
        {open && (
          <HistoryDetails
            entry={open}
            viewerZone={viewerZone}
            companyZone={zoneOf(open.widgetId)}
            orderHref={orderHref}
            onClose={() => setOpen(null)}
          />
        )}
      </div>
    </section>
  );
}
