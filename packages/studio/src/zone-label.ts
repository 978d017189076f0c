/**
 * A time zone as the Studio lists it: its IANA name, which the platform stores and marketers
 * search by, then what the zone is called in the app's language ("Москва, стандартное время",
 * "Eastern Time", from `Intl`) — the name people know it by, which a city in English is not.
 */
import { dateLocale, type Language } from '@frontdesk/staff';

/** Built once per language and zone: the Schedule tab lists every zone on each render. */
const labels = new Map<string, string>();

/** `zone`'s label in `language`; the IANA name alone for a zone this browser does not know. */
export function zoneLabel(zone: string, language: Language): string {
  const key = `${language} ${zone}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = withName(zone, language);
    labels.set(key, label);
  }
  return label;
}

function withName(zone: string, language: Language): string {
  try {
    const name = new Intl.DateTimeFormat(dateLocale(language), {
      timeZone: zone,
      timeZoneName: 'longGeneric',
    })
      .formatToParts(0)
      .find((part) => part.type === 'timeZoneName')?.value;
    return name ? `${zone} — ${name}` : zone;
  } catch (error) {
    // A zone saved by a browser that knew it, opened in one that does not.
    if (error instanceof RangeError) return zone;
    throw error;
  }
}
