/**
 * Production calendars in the xmlcalendar format → the compact entries of `src/calendar-data.ts`.
 * Shared by `generate-calendars.mjs` (writes the module) and the test that checks the committed
 * module is up to date. Plain Node, no dependencies: the XML is simple enough for regexes.
 * Types: `calendar-xml.d.mts`. Format and rules: `../CALENDARS.md`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The countries, in the order the generated module lists them. */
export const COUNTRIES = /** @type {const} */ (['ru', 'by', 'kz', 'uz']);

/** xmlcalendar `t` → kind letter: o = day off, s = shortened working day, w = worked weekend day. */
const LETTER_OF_TYPE = { 1: 'o', 2: 's', 3: 'w' };

/**
 * Corrections of the reference data where it contradicts the official acts, keyed
 * "country/year", in the entry format of the generated module: "MMDD" + kind letter sets the
 * date's kind, "MMDD-" drops its entry. Applied last, after the inference rules. Add one only when
 * the official fact is certain, citing the act; otherwise keep the data and document the gap in
 * CALENDARS.md (accounts fix a year with schedule exceptions).
 * @type {Readonly<Record<string, string>>}
 */
export const CORRECTIONS = {
  // Resolution of the Council of Ministers No. 839 of 14.11.2024: the working day of Monday
  // 6 January is moved to Saturday 11 January. The data says so only through `01.11 t=2 f=01.06`
  // and keeps `01.06 t=2` (the pre-Christmas shortening the move replaced): 6 January is off.
  'by/2025': '0106o',
  // Labour Code art. 84(5): the first day of Kurban ait is a day off. In 2017 it was Friday
  // 1 September (date set by the Ministry of Labour with the Spiritual Administration); the data
  // has Saturday 2 September.
  'kz/2017': '0901o 0902-',
  // Law "On holidays" art. 5: a holiday on a weekend moves the day off to the next working day —
  // Defender's Day, Saturday 7 May, to Tuesday 10 May (Monday 9 May is Victory Day); the data
  // moves it to Sunday 8 May. Law of 29.09.2022 amending the law on holidays: Independence Day is
  // 16 December only (17 December stopped being a holiday), 1 December is abolished.
  'kz/2022': '0508- 0510o 1217-',
  'kz/2023': '1217-',
  // The data for 2024 is the pre-2022 holiday list with no transfers. Law "On holidays" as amended
  // 29.09.2022: 25 October (Republic Day) is a holiday, 1 December and 17 December are not.
  // Art. 5 transfers: Nauryz Saturday 23 March → Monday 25 March; Capital Day Saturday 6 July →
  // Monday 8 July. Order of the Minister of Labour of 17.04.2024: the day off of Saturday 4 May
  // moved to Wednesday 8 May. Kurban ait 2024 was Sunday 16 June (Ministry of Labour, 07.06.2024).
  'kz/2024': '0325o 0504w 0508o 0616o 0708o 1025o 1201- 1217-',
  // The data for 2025 lists only the holidays themselves. Order of the Minister of Labour No. 436
  // of 21.11.2024: the day off of Sunday 5 January moved to Friday 3 January. Law "On holidays"
  // art. 5 transfers: 8 March (Sat) → 10 March; Nauryz 22–23 March (Sat–Sun) → 24–25 March;
  // Capital Day 6 July (Sun) → 7 July; Constitution Day 30 August (Sat) → 1 September; Republic
  // Day 25 October (Sat) → 27 October. Kurban ait 2025: Friday 6 June (Labour Code art. 84(5),
  // date confirmed by the Ministry of Labour).
  'kz/2025': '0103o 0105w 0310o 0324o 0325o 0606o 0707o 0901o 1027o',
};

/** The corrections of "country/year" as MMDD → kind letter, or null to drop the entry. */
function correctionsOf(where, year) {
  /** @type {Map<string, string | null>} */
  const result = new Map();
  for (const entry of (CORRECTIONS[where] ?? '').split(' ').filter(Boolean)) {
    const m = /^(\d{2})(\d{2})([osw-])$/.exec(entry);
    if (!m || Number.isNaN(dayNumberOf(year, Number(m[1]), Number(m[2])))) {
      throw new Error(`CORRECTIONS ${where}: bad entry "${entry}"`);
    }
    result.set(`${m[1]}${m[2]}`, m[3] === '-' ? null : m[3]);
  }
  return result;
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of month/day in `year`, or NaN when no such date. */
function dayNumberOf(year, month, day) {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return Number.NaN;
  return ms / DAY_MS;
}

/** "MM.DD" → "MMDD", checked to be a real date of `year`. */
function mmdd(value, year, where) {
  const m = /^(\d{2})\.(\d{2})$/.exec(value ?? '');
  if (!m || Number.isNaN(dayNumberOf(year, Number(m[1]), Number(m[2])))) {
    throw new Error(`${where}: "${value}" is not a date MM.DD of ${year}`);
  }
  return `${m[1]}${m[2]}`;
}

function isWeekend(year, key) {
  const weekday = new Date(
    Date.UTC(year, Number(key.slice(0, 2)) - 1, Number(key.slice(2))),
  ).getUTCDay();
  return weekday === 0 || weekday === 6;
}

function attributes(text) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const m of text.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    result[m[1]] = m[2] ?? m[3] ?? '';
  }
  return result;
}

/**
 * The days of one xmlcalendar file: `{ key: "MMDD", type: 1 | 2 | 3, from?: "MMDD" }` in file
 * order. Checks the file's year (and country, when it names one) against where it was found.
 */
export function parseCalendarXml(country, year, xml) {
  const where = `${country}/${year}`;
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const calendar = /<calendar\b([^>]*)>/.exec(text);
  if (!calendar) throw new Error(`${where}: no <calendar> element`);
  const head = attributes(calendar[1] ?? '');
  if (Number(head.year) !== year) throw new Error(`${where}: the file says year="${head.year}"`);
  if (head.country !== undefined && head.country !== country) {
    throw new Error(`${where}: the file says country="${head.country}"`);
  }
  const days = [];
  // `\b` keeps <days> out: only <day .../> elements match.
  for (const m of text.matchAll(/<day\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    const key = mmdd(a.d, year, where);
    const type = Number(a.t);
    if (!(type in LETTER_OF_TYPE)) throw new Error(`${where} ${a.d}: unknown t="${a.t}"`);
    days.push(a.f === undefined ? { key, type } : { key, type, from: mmdd(a.f, year, where) });
  }
  return days;
}

/**
 * One year of one country as the generated module stores it: "MMDD" + kind letter entries,
 * space-separated, sorted by date.
 *
 * Rules beyond the plain `t` mapping (see CALENDARS.md):
 * - `f` on a day off names the date it was moved from; when that date is a Saturday or Sunday
 *   with no entry of its own, it is a worked weekend day (`w`). Older files (by 2015–2019,
 *   kz 2016–2021, uz 2019–2021) name worked Saturdays and Sundays only this way. A source date
 *   with an entry (a holiday on a weekend, as ru 2026 `01.09 f=01.03`) keeps its entry.
 * - `f` on a working day (t=2/3) names the date the working day was moved from: that date is off.
 *   If the source has an entry saying otherwise, the year needs a correction (the generator
 *   stops rather than guess).
 * - {@link CORRECTIONS} last.
 */
export function convertYear(country, year, xml) {
  const where = `${country}/${year}`;
  const days = parseCalendarXml(country, year, xml);
  /** @type {Map<string, string>} */
  const kinds = new Map();
  for (const { key, type } of days) {
    if (kinds.has(key)) throw new Error(`${where}: ${key} is listed twice`);
    kinds.set(key, LETTER_OF_TYPE[type]);
  }
  const corrections = correctionsOf(where, year);
  /** @type {Map<string, string>} */
  const inferred = new Map();
  for (const { key, type, from } of days) {
    if (from === undefined) continue;
    const own = kinds.get(from);
    if (type === 1) {
      if (own === undefined && isWeekend(year, from)) inferred.set(from, 'w');
    } else if (own === undefined) {
      inferred.set(from, 'o');
    } else if (own !== 'o' && !corrections.has(from)) {
      throw new Error(
        `${where}: ${key} is a working day moved from ${from}, which the file lists as a ` +
          `working day too; add a correction for ${where} ${from} to CORRECTIONS`,
      );
    }
  }
  for (const [key, letter] of inferred) kinds.set(key, letter);
  for (const [key, letter] of corrections) {
    if (letter === null) kinds.delete(key);
    else kinds.set(key, letter);
  }
  return [...kinds]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, letter]) => `${key}${letter}`)
    .join(' ');
}

/** Every source converted: country → year → entries, countries in {@link COUNTRIES} order. */
export function convertSources(sources) {
  const table = Object.fromEntries(COUNTRIES.map((country) => [country, {}]));
  const sorted = [...sources].sort((a, b) => a.year - b.year);
  for (const { country, year, xml } of sorted) {
    if (!(country in table)) throw new Error(`unknown country "${country}"`);
    if (year in table[country]) throw new Error(`${country}/${year} given twice`);
    table[country][year] = convertYear(country, year, xml);
  }
  for (const key of Object.keys(CORRECTIONS)) {
    const [country, year] = key.split('/');
    if (!(Number(year) in (table[country] ?? {}))) {
      throw new Error(`CORRECTIONS has ${key}, but there is no such calendar file`);
    }
  }
  return table;
}

/** The calendar files of `dir`: `<country>/<YYYY>.xml` for every country of {@link COUNTRIES}. */
export function readSources(dir) {
  const root = dir instanceof URL ? fileURLToPath(dir) : dir;
  const sources = [];
  for (const country of COUNTRIES) {
    for (const name of readdirSync(join(root, country)).sort()) {
      if (!name.endsWith('.xml')) continue;
      const m = /^(\d{4})\.xml$/.exec(name);
      if (!m) throw new Error(`${country}/${name}: expected <YYYY>.xml`);
      const xml = readFileSync(join(root, country, name), 'utf8');
      sources.push({ country, year: Number(m[1]), xml });
    }
  }
  return sources;
}

/** The text of `src/calendar-data.ts` for a converted table, formatted as Biome formats it. */
export function renderModule(table) {
  const lines = [
    '// GENERATED by packages/schedule/scripts/generate-calendars.mjs — do not edit by hand.',
    '// Source: production calendars in the xmlcalendar format (../shared/calendars), with the',
    '// corrections of scripts/calendar-xml.mjs. To regenerate (see CALENDARS.md):',
    '//   node packages/schedule/scripts/generate-calendars.mjs [calendars-dir]',
    "import type { Country } from './types';",
    '',
    '/**',
    ' * Production calendars, country → year → space-separated entries "MMDD" + kind, sorted by',
    ' * date: `o` day off (holidays, on weekends too, and moved days off), `s` shortened working',
    ' * day (on a weekend: a worked, shortened day), `w` worked weekend day. A date with no entry is',
    ' * an ordinary day: off on Saturday and Sunday, working otherwise. Years not listed have no data.',
    ' */',
    'export const calendarData: Readonly<Record<Country, Readonly<Record<number, string>>>> = {',
  ];
  for (const country of COUNTRIES) {
    lines.push(`  ${country}: {`);
    const years = Object.keys(table[country] ?? {})
      .map(Number)
      .sort((a, b) => a - b);
    for (const year of years) lines.push(`    ${year}: '${table[country][year]}',`);
    lines.push('  },');
  }
  lines.push('};', '');
  return lines.join('\n');
}
