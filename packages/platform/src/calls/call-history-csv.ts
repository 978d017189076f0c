/**
 * The call history as CSV, for spreadsheets: UTF-8 with a byte order mark (Excel reads UTF-8 only
 * with it), CRLF line ends and RFC 4180 quoting; a cell that starts with `=`, `+`, `-` or `@` gets
 * a leading `'`, so a spreadsheet shows it as text and never runs it as a formula (a visitor
 * writes their own name and page). Made page by page: the export never holds the whole history.
 */
import type { CallHistoryEntry } from '@frontdesk/config';
import type { Cursor, Page } from '../storage/page';

/** The byte order mark that starts the file. */
export const BOM = '\uFEFF';

/** The header row's cells, one per column. */
export const CSV_COLUMNS = [
  'Time (UTC)',
  'Company time',
  'Company time zone',
  'Channel',
  'Caller',
  'Caller name',
  'Dialled',
  'Line',
  'Operator',
  'Duration (s)',
  'Result',
  'Status',
  'Page URL',
  'Page title',
  'UTM source',
  'UTM medium',
  'UTM campaign',
  'Note',
] as const;

/** One cell: formula starts defused, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells, ended by CRLF. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** `2026-03-04 10:00` in `timeZone`. */
function wallTime(at: number, timeZone: string): string {
  // Sweden's format is ISO-like: year-month-day and a 24-hour clock.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The cells of one entry; `zone` is its widget's time zone, when known. */
export function csvEntry(entry: CallHistoryEntry, zone: string | undefined): string {
  return csvLine([
    new Date(entry.at).toISOString(),
    zone ? wallTime(entry.at, zone) : null,
    zone ?? null,
    entry.kind,
    entry.caller,
    entry.callerName,
    entry.dialled,
    entry.line,
    entry.operator?.name ?? null,
    entry.duration,
    entry.result,
    entry.status,
    entry.page.url,
    entry.page.title,
    entry.utm.source ?? null,
    entry.utm.medium ?? null,
    entry.utm.campaign ?? null,
    entry.note,
  ]);
}

/**
 * The whole file, a chunk at a time: the BOM and the header, then each page `list` gives, until
 * the last. `zoneOf` names a widget's time zone.
 */
export async function* callHistoryCsv(
  list: (cursor: Cursor | undefined) => Promise<Page<CallHistoryEntry>>,
  zoneOf: (widgetId: string) => string | undefined,
): AsyncGenerator<string> {
  yield BOM + csvLine(CSV_COLUMNS);
  let cursor: Cursor | undefined;
  do {
    const page = await list(cursor);
    yield page.items.map((entry) => csvEntry(entry, zoneOf(entry.widgetId))).join('');
    cursor = page.next ?? undefined;
  } while (cursor);
}
