import { parseSettings } from '@frontdesk/config';
import { useEffect, useState } from 'preact/hooks';
import { useForm } from './form';
import { type SchedulePreview, schedulePreview } from './schedule-preview-data';

/** Redraws every half minute, so "open now?" and today's slots follow the clock. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The long date of a "YYYY-MM-DD", as written in the company's calendar. */
function dayName(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Beside the schedule: open now or not, and the callback slots of the next three working days. */
export function SchedulePreviewPanel() {
  const { draft } = useForm();
  const now = useNow();
  const parsed = parseSettings(draft);
  let preview: SchedulePreview | null = null;
  if (parsed.ok) preview = schedulePreview(parsed.value.schedule, now);
  return (
    <section class="schedule-preview" aria-labelledby="schedule-preview-title">
      <h2 id="schedule-preview-title">Preview</h2>
      {preview === null ? (
        <p>Fix the errors to see the preview.</p>
      ) : (
        <>
          <p class="open-now" data-open={preview.open ? '' : undefined}>
            {preview.open ? 'Open now' : 'Closed now'} ({draft.schedule.timeZone})
          </p>
          {preview.missingYears.length > 0 && (
            <p class="warning" role="status">
              The production calendar has no data for {preview.missingYears.join(', ')}: only
              fixed-date holidays are known for it.
            </p>
          )}
          <h3>Callback slots</h3>
          {preview.days.length === 0 ? (
            <p>No slots: no working time ahead.</p>
          ) : (
            preview.days.map((day) => (
              <div key={day.date} class="slot-day">
                <h4>{dayName(day.date)}</h4>
                <ul aria-label={`Slots of ${dayName(day.date)}`}>
                  {day.slots.map((slot) => (
                    <li key={slot.start.getTime()} data-start={slot.start.toISOString()}>
                      {slot.label}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </>
      )}
    </section>
  );
}
