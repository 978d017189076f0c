import { DEFAULT_CHAT_LUNCH } from '@frontdesk/config';
import { type DayHours, type ScheduleInput, templates, type Weekday } from '@frontdesk/schedule';
import { useLanguage } from '@frontdesk/staff';
import { Checkbox, Fieldset, fieldId, GroupErrors, Select, TextField } from './fields';
import { useField, useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import { SchedulePreviewPanel } from './schedule-preview';
import { usualHours } from './usual-hours';
import { zoneLabel } from './zone-label';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Every IANA zone this browser knows, with `current` kept even if it does not. */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  return known.includes(current) ? known : [current, ...known];
}

/** A mutable copy of a template week (templates are frozen). */
function weekOf(template: ScheduleInput['week']): ScheduleInput['week'] {
  return Object.fromEntries(
    DAYS.map((day) => {
      const hours = template[day];
      return [day, hours ? { from: hours.from, to: hours.to } : null];
    }),
  );
}

/** One weekday: on/off and its hours; for the chat also its own lunch break. */
function DayRow({
  day,
  label,
  perDayLunch,
}: {
  day: Weekday;
  label: string;
  perDayLunch: boolean;
}) {
  const t = useStudioTexts().schedule;
  const path = `schedule.week.${day}`;
  const [hours, set] = useField<DayHours | null | undefined>(path);
  const id = `day-${day}`;
  const lunch = hours?.breaks?.[0];
  return (
    <fieldset class="day" aria-labelledby={`${id}-label`}>
      <div class="field check">
        <input
          id={id}
          type="checkbox"
          checked={Boolean(hours)}
          onChange={(event) =>
            set(
              (event.currentTarget as HTMLInputElement).checked
                ? { from: '09:00', to: '18:00' }
                : null,
            )
          }
        />
        <label id={`${id}-label`} for={id}>
          {label}
        </label>
      </div>
      {hours && (
        <>
          <TextField path={`${path}.from`} label={t.from(label)} type="time" />
          <TextField path={`${path}.to`} label={t.to(label)} type="time" />
          {perDayLunch && (
            <div class="field check">
              <input
                id={`${id}-lunch`}
                type="checkbox"
                checked={Boolean(lunch)}
                onChange={(event) => {
                  const { breaks: _, ...rest } = hours;
                  set(
                    (event.currentTarget as HTMLInputElement).checked
                      ? { ...rest, breaks: [{ ...DEFAULT_CHAT_LUNCH }] }
                      : rest,
                  );
                }}
              />
              <label for={`${id}-lunch`}>{t.dayLunch(label)}</label>
            </div>
          )}
          {perDayLunch && lunch && (
            <>
              <TextField
                path={`${path}.breaks[0].from`}
                label={t.dayLunchFrom(label)}
                type="time"
              />
              <TextField path={`${path}.breaks[0].to`} label={t.dayLunchTo(label)} type="time" />
            </>
          )}
        </>
      )}
      <GroupErrors path={path} />
    </fieldset>
  );
}

/** The call and callback widgets' lunch: one span cut from every working day. */
function Lunch() {
  const t = useStudioTexts().schedule;
  const [lunch, set] = useField<ScheduleInput['lunch']>('schedule.lunch');
  return (
    <>
      <div class="field check">
        <input
          id="lunch"
          type="checkbox"
          checked={Boolean(lunch)}
          onChange={(event) =>
            set(
              (event.currentTarget as HTMLInputElement).checked
                ? { from: '13:00', to: '14:00' }
                : null,
            )
          }
        />
        <label for="lunch">{t.lunch}</label>
      </div>
      {lunch && (
        <>
          <TextField path="schedule.lunch.from" label={t.lunchFrom} type="time" />
          <TextField path="schedule.lunch.to" label={t.lunchTo} type="time" />
        </>
      )}
    </>
  );
}

type Exception = NonNullable<ScheduleInput['exceptions']>[number];

/** An exception's "Closed all day": switched to open, it starts with the usual hours of its day. */
function ExceptionClosed({ path }: { path: string }) {
  const { draft } = useForm();
  const t = useStudioTexts().schedule;
  const [exception, set, , leave] = useField<Exception>(path);
  const id = fieldId(`${path}.closed`);
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={exception.closed === true}
        onChange={(event) =>
          set(
            (event.currentTarget as HTMLInputElement).checked
              ? { date: exception.date, closed: true }
              : {
                  date: exception.date,
                  closed: false,
                  ...usualHours(draft.schedule.week, exception.date),
                },
          )
        }
        onBlur={leave}
      />
      <label for={id}>{t.closedAllDay}</label>
    </div>
  );
}

/** Dates whose hours differ from the week: closed, or other hours; empty dates are dropped on save. */
function Exceptions() {
  const path = 'schedule.exceptions';
  const [exceptions, set] = useField<NonNullable<ScheduleInput['exceptions']>>(path);
  const list = exceptions ?? [];
  const t = useStudioTexts().schedule;
  return (
    <Fieldset legend={t.exceptions}>
      {list.map((exception, i) => (
        // Rows have no ids; the index is their identity while editing.
        <div class="row" key={i}>
          <TextField path={`${path}[${i}].date`} label={t.exceptionDate(i + 1)} type="date" />
          <ExceptionClosed path={`${path}[${i}]`} />
          {!exception.closed && (
            <>
              <TextField path={`${path}[${i}].from`} label={t.exceptionFrom} type="time" />
              <TextField path={`${path}[${i}].to`} label={t.exceptionTo} type="time" />
            </>
          )}
          <button type="button" onClick={() => set(list.filter((_, j) => j !== i))}>
            {t.removeException(i + 1)}
          </button>
          <GroupErrors path={`${path}[${i}]`} />
        </div>
      ))}
      <button type="button" onClick={() => set([...list, { date: '', closed: true }])}>
        {t.addException}
      </button>
    </Fieldset>
  );
}

/**
 * The Schedule tab: time zone, calendar country, the 24/7 and standard templates, each day's
 * hours, the lunch break, holidays and pre-holiday days, exceptions — and beside them the live
 * preview of what the engine makes of it.
 */
export function ScheduleEditor() {
  const { draft, set } = useForm();
  const t = useStudioTexts().schedule;
  const { language } = useLanguage();
  const chat = draft.type === 'chat';
  return (
    <div class="schedule-layout">
      <div class="controls">
        <Select
          path="schedule.timeZone"
          label={t.timeZone}
          options={zones(draft.schedule.timeZone).map(
            (zone) => [zone, zoneLabel(zone, language)] as const,
          )}
        />
        <Select
          path="schedule.country"
          label={t.calendar}
          options={[
            ['ru', t.countries.ru],
            ['by', t.countries.by],
            ['kz', t.countries.kz],
            ['uz', t.countries.uz],
          ]}
        />
        <Fieldset legend={t.working}>
          <div class="actions">
            <button type="button" onClick={() => set('schedule.week', weekOf(templates.always))}>
              {t.always}
            </button>
            <button type="button" onClick={() => set('schedule.week', weekOf(templates.standard))}>
              {t.standard}
            </button>
          </div>
          {DAYS.map((day) => (
            <DayRow key={day} day={day} label={t.days[day]} perDayLunch={chat} />
          ))}
          <GroupErrors path="schedule.week" />
          {!chat && <Lunch />}
        </Fieldset>
        <Checkbox path="schedule.holidays" label={t.holidays} />
        <Checkbox path="schedule.preHoliday" label={t.preHoliday} />
        <Exceptions />
        <GroupErrors path="schedule" />
      </div>
      <SchedulePreviewPanel />
    </div>
  );
}
