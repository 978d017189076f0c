/** Thrown by {@link createSchedule} for invalid input; `path` names the field, e.g. `week.mon.to`. */
export class ScheduleError extends Error {
  /** Where in the input the problem is: `timeZone`, `lunch.from`, `exceptions[1].date`, … */
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'ScheduleError';
    this.path = path;
  }
}
