/**
 * How long a test waits for something to arrive (a SIP message, a socket event, a disconnect)
 * before it fails: a deadline for a machine loaded by other work — a clean-clone CI beside other
 * jobs — never a timing goal (those are benchmarks, `pnpm bench`).
 */
export const ARRIVAL_MS = 20_000;

/**
 * How long a test waits for a supervised program it killed to run again: the supervisor's backoff,
 * then a start whose readiness has its own 15 s deadline (kamailio-process.ts), and on a starved
 * machine a second try after that one gave up.
 */
export const RESTART_MS = 60_000;
