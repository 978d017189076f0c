/**
 * The slot picker's options: callback slots grouped by the visitor's calendar day and labelled
 * in the visitor's time zone, with the company's wall time beside each when the two differ.
 */
import { dateIn, type Slot } from '@frontdesk/schedule/engine';
import { daysAhead, relativeDay } from './slot-label';

/** One slot as the picker offers it. */
export interface SlotOption {
  /** The slot's start, ISO UTC: what is sent to the platform. */
  value: string;
  /** Its time in the visitor's zone, "14:30". */
  time: string;
  /** Its time in the company's zone, when that reads differently. */
  companyTime?: string;
}

/** The slots of one of the visitor's days. */
export interface SlotGroup {
  /** "YYYY-MM-DD" in the visitor's zone. */
  date: string;
  /** "Today, Wednesday 4 March". */
  label: string;
  options: SlotOption[];
}

/** Where and how the slots are shown. */
export interface SlotLabelling {
  locale: string;
  visitorZone: string;
  companyZone: string;
  /** For "today" and "tomorrow". */
  now: Date;
}

/** `slots` grouped by the visitor's day, in order, labelled per `labelling`. */
export function slotGroups(slots: readonly Slot[], labelling: SlotLabelling): SlotGroup[] {
  const { locale, visitorZone, companyZone, now } = labelling;
  const time = (timeZone: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const visitorTime = time(visitorZone);
  const companyTime = time(companyZone);
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: visitorZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const groups: SlotGroup[] = [];
  for (const slot of slots) {
    const date = dateIn(visitorZone, slot.start);
    let group = groups[groups.length - 1];
    if (group?.date !== date) {
      const name = day.format(slot.start);
      const relative = relativeDay(daysAhead(slot.start, { locale, visitorZone, now }), locale);
      const label = capitalize(relative ? `${relative}, ${name}` : name);
      group = { date, label, options: [] };
      groups.push(group);
    }
    const shown = visitorTime.format(slot.start);
    const company = companyTime.format(slot.start);
    group.options.push({
      value: slot.start.toISOString(),
      time: shown,
      ...(company === shown ? {} : { companyTime: company }),
    });
  }
  return groups;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
