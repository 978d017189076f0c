/** Where the platform reads the time: injected, so tests never depend on today's date. */
export type Clock = () => Date;

/** The real clock. */
export const systemClock: Clock = () => new Date();
