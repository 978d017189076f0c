import { parseSettings } from '@frontdesk/config';
import { clockLocale, type Language, useLanguage } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { useForm } from './form';
import { studioTexts } from './i18n/studio-texts';
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

/** The long date of a "YYYY-MM-DD", as written in the company's calendar, in `language`. */
function dayName(date: string, language: Language): string {
  return new Intl.DateTimeFormat(clockLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Beside the schedule: open now or not, and the callback slots of the next three working days. */
export function SchedulePreviewPanel() {
  const { draft } = useForm();
  const { language } = useLanguage();
  const t = studioTexts[language].schedule;
  const now = useNow();
  const parsed = parseSettings(draft);
  let preview: SchedulePreview | null = null;
  if (parsed.ok) preview = schedulePreview(parsed.value.schedule, now);
  return (
    <section class="schedule-preview" aria-labelledby="schedule-preview-title">
      <h2 id="schedule-preview-title">{t.preview}</h2>
      {preview === null ? (
        <p>{t.fixErrors}</p>
      ) : (
        <>
          <p class="open-now" data-open={preview.open ? '' : undefined}>
            {preview.open ? t.openNow : t.closedNow} ({draft.schedule.timeZone})
          </p>
          {preview.missingYears.length > 0 && (
            <p class="warning" role="status">
              {t.noCalendar(preview.missingYears.join(', '))}
            </p>
          )}
          <h3>{t.slots}</h3>
          {preview.days.length === 0 ? (
            <p>{t.noSlots}</p>
          ) : (
            preview.days.map((day) => (
              <div key={day.date} class="slot-day">
                <h4>{dayName(day.date, language)}</h4>
                <ul aria-label={t.slotsOf(dayName(day.date, language))}>
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
