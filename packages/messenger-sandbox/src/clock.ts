/** Where the sandbox reads the time: injected, so tests never depend on today's date. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();

/** Unix time in whole seconds, as the messengers' APIs write dates. */
export function unixTime(clock: Clock): number {
  return Math.floor(clock().getTime() / 1000);
}
