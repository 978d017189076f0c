import type { Country } from './types';

/**
 * Fixed-date public holidays that are days off, as "MMDD", per country: the calendar for years
 * without production-calendar data (see `calendarCoverage`). They are the holidays alone, as the
 * law fixes them today: no transfers (a holiday on a weekend moving the day off to a Monday, days
 * moved by decree), no shortened pre-holiday days and no holidays of movable date, which only a
 * year's calendar can give — add that year's data, or exceptions in the account's schedule.
 */
export const fixedHolidays: Readonly<Record<Country, readonly string[]>> = {
  // Labour Code of the Russian Federation, art. 112: New Year holidays 1–6 and 8 January,
  // Christmas 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November.
  ru: [
    '0101',
    '0102',
    '0103',
    '0104',
    '0105',
    '0106',
    '0107',
    '0108',
    '0223',
    '0308',
    '0501',
    '0509',
    '0612',
    '1104',
  ],
  // Labour Code of Belarus, art. 147, and Presidential Decree No. 157 of 26.03.1998 as amended
  // (2 January is a day off since 2020): New Year 1–2 January, Orthodox Christmas 7 January,
  // 8 March, 1 May, 9 May, Independence Day 3 July, 7 November, Catholic Christmas 25 December.
  // Radunitsa (Tuesday after the ninth day from Orthodox Easter) is movable: not listed.
  by: ['0101', '0102', '0107', '0308', '0501', '0509', '0703', '1107', '1225'],
  // Law "On holidays in the Republic of Kazakhstan", national and state holidays (all days off),
  // and Labour Code art. 84(5) for Orthodox Christmas 7 January: New Year 1–2 January,
  // 8 March, Nauryz 21–23 March, 1 May, 7 May, 9 May, Capital Day 6 July, Republic Day
  // 25 October, Constitution Day 30 August, Independence Day 16 December. Kurban ait (lunar
  // calendar) is movable: not listed.
  kz: [
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
  ],
  // Labour Code of Uzbekistan (2022), non-working holidays: New Year 1 January, 8 March,
  // Navruz 21 March, Day of Remembrance 9 May, Independence Day 1 September, Teachers' Day
  // 1 October, Constitution Day 8 December. Ramazan hayit and Kurban hayit (lunar calendar) are
  // movable: not listed.
  uz: ['0101', '0308', '0321', '0509', '0901', '1001', '1208'],
};
