/** "HH:MM" wall-clock times ↔ minutes since midnight. */

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of a start time "HH:MM", or NaN. */
export function parseFrom(time: unknown): number {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

/** Minutes since midnight of an end time; "23:59" and "24:00" both mean the end of the day (1440). */
export function parseTo(time: unknown): number {
  if (time === '24:00' || time === '23:59') return 1440;
  return parseFrom(time);
}
