import { CALL_CHANNELS, CALL_RESULTS, type CallHistoryFilter } from '@frontdesk/config';
import { useTexts } from '../i18n/language';
import { staffTexts } from '../staff-texts';
import type { HistoryChoices } from './history-api';
import { dayStart } from './zoned-time';

/** The form's own values: dates as the date fields hold them (days in the viewer's zone). */
export interface FilterFields {
  fromDay: string;
  toDay: string;
  widget: string;
  line: string;
  operator: string;
  result: string;
  channel: string;
}

/** Nothing filtered. */
export const NO_FILTER: FilterFields = {
  fromDay: '',
  toDay: '',
  widget: '',
  line: '',
  operator: '',
  result: '',
  channel: '',
};

/** Adds a day to `YYYY-MM-DD`. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The platform's filter of the form's values: the "to" day counts whole. */
export function toFilter(fields: FilterFields, viewerZone: string): CallHistoryFilter {
  const filter: CallHistoryFilter = {};
  if (fields.fromDay) filter.from = dayStart(fields.fromDay, viewerZone);
  if (fields.toDay) filter.to = dayStart(nextDay(fields.toDay), viewerZone);
  if (fields.widget) filter.widget = fields.widget;
  if (fields.line) filter.line = fields.line;
  if (fields.operator) filter.operator = fields.operator;
  if (fields.result) filter.result = fields.result as CallHistoryFilter['result'];
  if (fields.channel) filter.channel = fields.channel as CallHistoryFilter['channel'];
  return filter;
}

/** The filters of the history: a form whose submit applies them. */
export function HistoryFilters({
  choices,
  onApply,
}: {
  choices: HistoryChoices;
  onApply: (fields: FilterFields) => void;
}) {
  const t = useTexts(staffTexts).history;
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const read = (name: keyof FilterFields) => String(form.get(name) ?? '').trim();
    onApply({
      fromDay: read('fromDay'),
      toDay: read('toDay'),
      widget: read('widget'),
      line: read('line'),
      operator: read('operator'),
      result: read('result'),
      channel: read('channel'),
    });
  };
  const select = (
    name: keyof FilterFields,
    label: string,
    options: readonly { value: string; text: string }[],
  ) => (
    <label>
      {label}
      <select name={name}>
        <option value="">{t.any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form class="history-filters" aria-label={t.filters} onSubmit={submit}>
      <label>
        {t.from}
        <input type="date" name="fromDay" />
      </label>
      <label>
        {t.to}
        <input type="date" name="toDay" />
      </label>
      {select(
        'widget',
        t.widget,
        choices.widgets.map((w) => ({ value: w.id, text: w.name })),
      )}
      <label>
        {t.line}
        <input name="line" list="history-lines" autocomplete="off" />
      </label>
      <datalist id="history-lines">
        {choices.widgets.flatMap((w) =>
          w.sipLine ? [<option key={w.id} value={w.sipLine} />] : [],
        )}
      </datalist>
      {select(
        'operator',
        t.answeredBy,
        choices.people.map((p) => ({ value: p.id, text: p.name })),
      )}
      {select(
        'result',
        t.result,
        CALL_RESULTS.map((r) => ({ value: r, text: t.results[r] })),
      )}
      {select(
        'channel',
        t.channel,
        CALL_CHANNELS.map((c) => ({ value: c, text: t.channels[c] })),
      )}
      <button type="submit">{t.apply}</button>
    </form>
  );
}
