import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertSources, convertYear, readSources } from '../scripts/calendar-xml.mjs';
import { builtInDayKind, calendarCoverage, calendarDays } from '../src/calendar';
import { calendarData } from '../src/calendar-data';
import { fixedHolidays } from '../src/fixed-holidays';
import type { Country } from '../src/types';

/** The reference XML the data is generated from; absent outside the development machine. */
const sourceDir = fileURLToPath(new URL('../../../../shared/calendars/', import.meta.url));

const COUNTRIES: readonly Country[] = ['ru', 'by', 'kz', 'uz'];

type Fact = 'off' | 'working' | 'short';

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * What a worker's day is, as a decree states it: a day with no calendar entry is ordinary
 * (off on a weekend, working otherwise), so the facts below read the same whether a weekend day
 * off is listed or not.
 */
function officially(country: Country, date: string): Fact {
  const kind = builtInDayKind(country, date);
  if (kind === 'off') return 'off';
  if (kind === 'short') return 'short';
  if (kind === 'work') return 'working';
  return isWeekend(date) ? 'off' : 'working';
}

function expectFacts(country: Country, facts: Record<string, Fact>): void {
  for (const [date, fact] of Object.entries(facts)) {
    expect(officially(country, date), `${country} ${date}`).toBe(fact);
  }
}

/** Every date from `from` to `to` inclusive. */
function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

function allOff(dates: readonly string[]): Record<string, Fact> {
  return Object.fromEntries(dates.map((date) => [date, 'off']));
}

describe('ru: government decrees on moved days off', () => {
  it('2016 (decree No. 1017 of 24.09.2015)', () => {
    expectFacts('ru', {
      ...allOff(range('2016-01-01', '2016-01-10')),
      '2016-01-11': 'working',
      // Pre-holiday working Saturday: worked, one hour shorter.
      '2016-02-20': 'short',
      '2016-02-22': 'off',
      '2016-02-23': 'off',
      '2016-03-07': 'off',
      '2016-03-08': 'off',
      '2016-05-02': 'off',
      '2016-05-03': 'off',
      '2016-05-09': 'off',
      '2016-06-13': 'off',
      '2016-11-03': 'short',
      '2016-11-04': 'off',
    });
    expect(builtInDayKind('ru', '2016-02-20')).toBe('short');
  });

  it('2020: non-working days by presidential decree, the parade and the vote', () => {
    expectFacts('ru', {
      '2020-04-15': 'off',
      '2020-05-06': 'off',
      '2020-05-12': 'working',
      '2020-06-24': 'off',
      '2020-07-01': 'off',
    });
  });

  it('2024: worked Saturdays 27 April and 28 December, shortened Saturday 2 November', () => {
    expectFacts('ru', {
      '2024-04-27': 'working',
      '2024-04-29': 'off',
      '2024-04-30': 'off',
      '2024-05-10': 'off',
      '2024-11-02': 'short',
      '2024-11-04': 'off',
      '2024-12-28': 'working',
      '2024-12-30': 'off',
      '2024-12-31': 'off',
    });
    expect(builtInDayKind('ru', '2024-04-27')).toBe('work');
  });

  it('2025', () => {
    expectFacts('ru', {
      '2025-05-02': 'off',
      '2025-05-08': 'off',
      '2025-06-13': 'off',
      '2025-11-01': 'short',
      '2025-11-03': 'off',
      '2025-12-31': 'off',
    });
  });

  it('2026: 3 January moved to 9 January, 4 January to 31 December', () => {
    expectFacts('ru', {
      ...allOff(range('2026-01-01', '2026-01-11')),
      '2026-01-12': 'working',
      // 23 February is a Monday: Friday 20 February is not shortened, nor Friday 6 March.
      '2026-02-20': 'working',
      '2026-02-23': 'off',
      '2026-03-06': 'working',
      '2026-03-09': 'off',
      '2026-04-30': 'short',
      '2026-05-01': 'off',
      '2026-05-08': 'short',
      '2026-05-11': 'off',
      '2026-06-11': 'short',
      '2026-06-12': 'off',
      '2026-11-03': 'short',
      '2026-11-04': 'off',
      '2026-12-30': 'working',
      '2026-12-31': 'off',
    });
    // 9 January is moved from Saturday 3 January, itself a holiday: 3 January stays off.
    expect(builtInDayKind('ru', '2026-01-03')).toBe('off');
  });

  it('2027: 2 January moved to 5 November, 3 January to 31 December, 20 February worked', () => {
    expectFacts('ru', {
      ...allOff(range('2027-01-01', '2027-01-10')),
      '2027-01-11': 'working',
      '2027-02-20': 'short',
      '2027-02-22': 'off',
      '2027-02-23': 'off',
      '2027-03-08': 'off',
      '2027-04-30': 'short',
      '2027-05-03': 'off',
      '2027-05-10': 'off',
      '2027-06-11': 'short',
      '2027-06-14': 'off',
      '2027-11-03': 'short',
      '2027-11-04': 'off',
      '2027-11-05': 'off',
      '2027-12-31': 'off',
    });
  });
});

describe('by: Council of Ministers resolutions on moved working days', () => {
  it('2025 (resolution No. 839 of 14.11.2024)', () => {
    expectFacts('by', {
      '2025-01-02': 'off',
      '2025-01-06': 'off',
      '2025-01-07': 'off',
      // Worked Saturdays replacing a pre-holiday day are shortened like it.
      '2025-01-11': 'short',
      '2025-04-26': 'short',
      '2025-04-28': 'off',
      '2025-04-29': 'off',
      '2025-07-03': 'off',
      '2025-07-04': 'off',
      '2025-07-12': 'working',
      '2025-12-20': 'working',
      '2025-12-25': 'off',
      '2025-12-26': 'off',
      '2025-12-31': 'short',
    });
  });

  it('2026 (resolution No. 397 of 22.07.2025)', () => {
    expectFacts('by', {
      '2026-01-01': 'off',
      '2026-01-02': 'off',
      '2026-01-06': 'short',
      '2026-01-07': 'off',
      '2026-04-20': 'off',
      '2026-04-21': 'off',
      '2026-04-25': 'short',
      '2026-05-01': 'off',
      '2026-07-03': 'off',
      '2026-12-25': 'off',
    });
    // Holidays on a Saturday stay there: Belarus moves no day off for them.
    expect(builtInDayKind('by', '2026-05-09')).toBe('off');
    expect(officially('by', '2026-05-11')).toBe('working');
  });
});

describe('kz: law "On holidays", art. 5 transfers and orders on moved days', () => {
  it('2026', () => {
    expectFacts('kz', {
      '2026-01-02': 'off',
      '2026-01-05': 'working',
      '2026-01-07': 'off',
      '2026-03-09': 'off',
      '2026-03-23': 'off',
      '2026-03-24': 'off',
      '2026-03-25': 'off',
      '2026-05-11': 'off',
      '2026-05-27': 'off',
      '2026-07-06': 'off',
      '2026-10-26': 'off',
      '2026-12-16': 'off',
      '2026-12-17': 'working',
    });
  });

  it('2022: worked Saturdays written as t=3', () => {
    expectFacts('kz', {
      '2022-03-05': 'working',
      '2022-03-07': 'off',
      '2022-08-27': 'working',
      '2022-08-29': 'off',
      '2022-10-22': 'working',
      '2022-10-24': 'off',
      '2022-10-25': 'off',
    });
  });
});

describe('uz', () => {
  it('2026 fixed-date holidays', () => {
    expectFacts('uz', {
      '2026-01-01': 'off',
      '2026-03-21': 'off',
      '2026-05-09': 'off',
      '2026-09-01': 'off',
      '2026-10-01': 'off',
      '2026-12-08': 'off',
      '2026-12-09': 'working',
    });
  });
});

describe('known gaps of the reference data: what the project does', () => {
  it('a weekend day named only by `f` is a worked weekend day (uz 2019, by and kz too)', () => {
    expectFacts('uz', {
      '2019-01-03': 'off',
      '2019-01-05': 'working',
      '2019-06-01': 'working',
      '2019-06-06': 'off',
      '2019-09-03': 'off',
      '2019-09-07': 'working',
      '2019-12-28': 'working',
      '2019-12-31': 'off',
    });
    expect(builtInDayKind('uz', '2019-01-05')).toBe('work');
    expect(builtInDayKind('by', '2015-01-10')).toBe('work');
    expect(builtInDayKind('kz', '2020-01-05')).toBe('work');
  });

  it('by 2025: 6 January is off (corrected), Saturday 11 January worked and shortened', () => {
    expect(builtInDayKind('by', '2025-01-06')).toBe('off');
    expect(builtInDayKind('by', '2025-01-11')).toBe('short');
  });

  it('kz 2024: 25 October added, 1 and 17 December dropped, transfers added', () => {
    expectFacts('kz', {
      '2024-03-25': 'off',
      '2024-05-04': 'working',
      '2024-05-08': 'off',
      '2024-07-08': 'off',
      '2024-10-25': 'off',
      '2024-12-16': 'off',
      '2024-12-17': 'working',
    });
    expect(builtInDayKind('kz', '2024-12-01')).toBeUndefined();
  });

  it('kz 2025: Kurban ait on 6 June and the transfers added', () => {
    expectFacts('kz', {
      '2025-01-03': 'off',
      '2025-01-05': 'working',
      '2025-03-10': 'off',
      '2025-03-24': 'off',
      '2025-03-25': 'off',
      '2025-06-06': 'off',
      '2025-07-07': 'off',
      '2025-09-01': 'off',
      '2025-10-27': 'off',
    });
  });

  it('kz: older errors corrected (2017 Kurban ait, 2022 Defender’s Day transfer)', () => {
    expect(officially('kz', '2017-09-01')).toBe('off');
    expect(builtInDayKind('kz', '2017-09-02')).toBeUndefined();
    expect(officially('kz', '2022-05-10')).toBe('off');
    expect(builtInDayKind('kz', '2022-05-08')).toBeUndefined();
  });

  it('kz 2026: Constitution Day on Sunday 30 August moves the day off to Monday 31 August', () => {
    expect(officially('kz', '2026-08-31')).toBe('off');
  });

  it('uz 2022–2026: only the fixed-date holidays, no Eid days and no transfers', () => {
    for (let year = 2022; year <= 2026; year++) {
      const { days } = calendarDays('uz', `${year}-01-01`, 365);
      expect(Object.keys(days).map((date) => date.slice(5).replace('-', ''))).toEqual(
        fixedHolidays.uz,
      );
    }
  });
});

describe('calendarCoverage', () => {
  it('gives the first and last year with data', () => {
    expect(calendarCoverage('ru')).toEqual({ from: 2013, to: 2027 });
    expect(calendarCoverage('by')).toEqual({ from: 2015, to: 2026 });
    expect(calendarCoverage('kz')).toEqual({ from: 2015, to: 2026 });
    expect(calendarCoverage('uz')).toEqual({ from: 2019, to: 2026 });
  });

  it('returns a copy the caller may change', () => {
    const coverage = calendarCoverage('ru');
    coverage.to = 1;
    expect(calendarCoverage('ru').to).toBe(2027);
  });
});

describe('fixed-date holidays for years without data', () => {
  /** The "MMDD" of every non-ordinary day of a year. */
  function listed(country: Country, year: number): string[] {
    const { days } = calendarDays(country, `${year}-01-01`, 365);
    expect(Object.values(days).every((kind) => kind === 'off')).toBe(true);
    return Object.keys(days).map((date) => date.slice(5).replace('-', ''));
  }

  it('ru 2030: art. 112 holidays, nothing else', () => {
    expectFacts('ru', allOff(range('2030-01-01', '2030-01-08')));
    for (const date of ['2030-02-23', '2030-03-08', '2030-05-01', '2030-05-09', '2030-06-12']) {
      expect(builtInDayKind('ru', date)).toBe('off');
    }
    expect(builtInDayKind('ru', '2030-11-04')).toBe('off');
    expect(builtInDayKind('ru', '2030-03-11')).toBeUndefined();
    expect(builtInDayKind('ru', '2030-12-31')).toBeUndefined();
    expect(listed('ru', 2030)).toEqual(fixedHolidays.ru);
  });

  it('before the data too', () => {
    expect(builtInDayKind('ru', '2012-01-02')).toBe('off');
    expect(builtInDayKind('ru', '2012-01-10')).toBeUndefined();
  });

  it('by, kz and uz after 2026', () => {
    expect(listed('by', 2027)).toEqual([
      '0101',
      '0102',
      '0107',
      '0308',
      '0501',
      '0509',
      '0703',
      '1107',
      '1225',
    ]);
    // Radunitsa 2027 (11 May) is movable: unknown without data.
    expect(builtInDayKind('by', '2027-05-11')).toBeUndefined();
    expect(listed('kz', 2027)).toEqual([
      '0101',
      '0102',
      '0107',
      '0308',
      '0321',
      '0322',
      '0323',
      '0501',
      '0507',
      '0509',
      '0706',
      '0830',
      '1025',
      '1216',
    ]);
    // Independence Day is one day since 2022: 17 December is ordinary.
    expect(builtInDayKind('kz', '2027-12-17')).toBeUndefined();
    expect(listed('uz', 2028)).toEqual(['0101', '0308', '0321', '0509', '0901', '1001', '1208']);
  });
});

describe('calendarDays', () => {
  it('lists the non-ordinary days of a range across a year boundary', () => {
    expect(calendarDays('ru', '2026-12-20', 60)).toEqual({
      country: 'ru',
      from: '2026-12-20',
      to: '2027-02-17',
      days: { '2026-12-31': 'off', ...allOff(range('2027-01-01', '2027-01-08')) },
    });
  });

  it('crosses from a year with data into one without', () => {
    expect(calendarDays('kz', '2026-12-15', 40)).toEqual({
      country: 'kz',
      from: '2026-12-15',
      to: '2027-01-23',
      days: { '2026-12-16': 'off', '2027-01-01': 'off', '2027-01-02': 'off', '2027-01-07': 'off' },
    });
  });

  it('counts 29 February and a single day', () => {
    expect(calendarDays('ru', '2024-02-28', 3).to).toBe('2024-03-01');
    expect(calendarDays('ru', '2026-01-09', 1)).toEqual({
      country: 'ru',
      from: '2026-01-09',
      to: '2026-01-09',
      days: { '2026-01-09': 'off' },
    });
  });

  it('agrees with builtInDayKind on every date', () => {
    const { days } = calendarDays('by', '2014-12-01', 800);
    for (const date of range('2014-12-01', '2017-02-08')) {
      expect(days[date], date).toBe(builtInDayKind('by', date));
    }
  });
});

describe('argument errors', () => {
  it('an unknown country is a RangeError naming it', () => {
    expect(() => builtInDayKind('ua' as Country, '2026-01-01')).toThrow(RangeError);
    expect(() => builtInDayKind('ua' as Country, '2026-01-01')).toThrow(/"ua"/);
    expect(() => calendarCoverage('xx' as Country)).toThrow(/"xx"/);
    expect(() => calendarDays('toString' as Country, '2026-01-01', 1)).toThrow(/"toString"/);
    expect(() => calendarDays(undefined as unknown as Country, '2026-01-01', 1)).toThrow(
      RangeError,
    );
  });

  it('a malformed date is a RangeError', () => {
    for (const date of [
      '2026-02-29',
      // A century is a leap year only every 400 years; April has 30 days.
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '',
      '2026-01-01T00',
    ]) {
      expect(() => builtInDayKind('ru', date), date).toThrow(RangeError);
      expect(() => calendarDays('ru', date, 1), date).toThrow(RangeError);
    }
    expect(() => builtInDayKind('ru', 20260101 as unknown as string)).toThrow(RangeError);
    expect(builtInDayKind('ru', '2024-02-29')).toBeUndefined();
    expect(builtInDayKind('ru', '2000-02-29')).toBeUndefined();
  });

  it('a count that is not a positive integer is a RangeError', () => {
    for (const count of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calendarDays('ru', '2026-01-01', count), String(count)).toThrow(RangeError);
    }
  });

  it('a range past 9999-12-31 is a RangeError', () => {
    expect(() => calendarDays('ru', '9999-12-30', 5)).toThrow(RangeError);
    expect(calendarDays('ru', '9999-12-30', 2).to).toBe('9999-12-31');
  });
});

describe('generated data', () => {
  it('is well-formed: sorted entries of real dates, worked days only on weekends', () => {
    for (const country of COUNTRIES) {
      for (const [year, entries] of Object.entries(calendarData[country])) {
        expect(entries, `${country} ${year}`).toMatch(/^\d{4}[osw]( \d{4}[osw])*$/);
        const list = entries.split(' ');
        const keys = list.map((entry) => entry.slice(0, 4));
        expect(keys, `${country} ${year}`).toEqual([...new Set(keys)].sort());
        for (const entry of list) {
          const date = `${year}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`;
          expect(() => builtInDayKind(country, date), date).not.toThrow();
          if (entry.endsWith('w')) {
            expect(isWeekend(date), `${country} ${date} worked`).toBe(true);
            expect(fixedHolidays[country], `${country} ${date} worked`).not.toContain(
              entry.slice(0, 4),
            );
          }
        }
      }
    }
  });

  it('lists every fixed-date holiday as off where the law did not change within the data', () => {
    // by added 2 January in 2020; kz changed its holidays in 2022 and again in 2026.
    const since: Record<Country, number> = {
      ru: 2013,
      by: 2020,
      kz: Number.POSITIVE_INFINITY,
      uz: 2019,
    };
    for (const country of COUNTRIES) {
      for (const year of Object.keys(calendarData[country]).map(Number)) {
        if (year < since[country]) continue;
        for (const mmdd of fixedHolidays[country]) {
          const date = `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`;
          expect(builtInDayKind(country, date), `${country} ${date}`).toBe('off');
        }
      }
    }
  });

  it.skipIf(!existsSync(sourceDir))('is what the generator makes of the reference XML', () => {
    expect(calendarData).toEqual(convertSources(readSources(sourceDir)));
  });
});

describe('XML conversion rules', () => {
  const xml = (year: number, days: string) =>
    `<?xml version="1.0"?><calendar year="${year}" country="ru"><holidays/><days>${days}</days></calendar>`;

  it('maps t to o/s/w and sorts by date', () => {
    const days = '<day d="05.09" t="1"/><day d="01.01" t="1" h="1"/><day d="02.22" t="2"/>';
    expect(convertYear('ru', 2023, xml(2023, days))).toBe('0101o 0222s 0509o');
  });

  it('a weekend date named by `f` with no entry is worked; one with an entry keeps it', () => {
    // 2026-01-03 is a Saturday holiday; 2026-01-10 is a plain Saturday.
    const days =
      '<day d="01.03" t="1"/><day d="01.09" t="1" f="01.03"/><day d="01.12" t="1" f="01.10"/>';
    expect(convertYear('ru', 2026, xml(2026, days))).toBe('0103o 0109o 0110w 0112o');
  });

  it('`f` on a working day makes its source off, and stops on a contradicting entry', () => {
    expect(convertYear('ru', 2022, xml(2022, '<day d="03.05" t="3" f="03.07"/>'))).toBe(
      '0305w 0307o',
    );
    expect(() =>
      convertYear('ru', 2022, xml(2022, '<day d="03.04" t="2"/><day d="03.05" t="3" f="03.04"/>')),
    ).toThrow(/correction/);
  });

  it('refuses a file of another year, an unknown type or a date that does not exist', () => {
    expect(() => convertYear('ru', 2022, xml(2023, ''))).toThrow(/year/);
    expect(() => convertYear('ru', 2022, xml(2022, '<day d="01.01" t="4"/>'))).toThrow(/t="4"/);
    expect(() => convertYear('ru', 2022, xml(2022, '<day d="02.29" t="1"/>'))).toThrow(/02.29/);
  });
});
