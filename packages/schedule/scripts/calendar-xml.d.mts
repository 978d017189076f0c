/** Types of `calendar-xml.mjs`, for TypeScript code (the tests) that imports it. */

/** A country with calendar files; the same codes as `Country` of `src/types.ts`. */
export type CalendarCountry = 'ru' | 'by' | 'kz' | 'uz';

/** Kind letter of a generated entry: day off, shortened working day, worked weekend day. */
export type KindLetter = 'o' | 's' | 'w';

/** One calendar file: its country, its year and its XML text. */
export interface CalendarSource {
  country: CalendarCountry;
  year: number;
  xml: string;
}

/** One `<day>` of a file: date "MMDD", xmlcalendar type, and the "MMDD" it was moved from. */
export interface CalendarXmlDay {
  key: string;
  type: 1 | 2 | 3;
  from?: string;
}

/** Country → year → space-separated "MMDD" + kind letter entries. */
export type CalendarTable = Record<CalendarCountry, Record<number, string>>;

/** The countries, in the order the generated module lists them. */
export const COUNTRIES: readonly ['ru', 'by', 'kz', 'uz'];

/** Corrections of the reference data: "country/year" → entries "MMDD" + kind letter or "-" (drop). */
export const CORRECTIONS: Readonly<Record<string, string>>;

/** The days of one xmlcalendar file, checked against the country and year it was found for. */
export function parseCalendarXml(
  country: CalendarCountry,
  year: number,
  xml: string,
): CalendarXmlDay[];

/** One year of one country as the generated module stores it. */
export function convertYear(country: CalendarCountry, year: number, xml: string): string;

/** Every source converted: country → year → entries. */
export function convertSources(sources: readonly CalendarSource[]): CalendarTable;

/** The calendar files of a directory laid out as `<country>/<YYYY>.xml`. */
export function readSources(dir: string | URL): CalendarSource[];

/** The text of `src/calendar-data.ts` for a converted table. */
export function renderModule(table: CalendarTable): string;
