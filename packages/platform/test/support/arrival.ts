/**
 * How long a test waits for something to arrive (a SIP message, a socket event, a disconnect)
 * before it fails: a deadline for a machine loaded by other work — a clean-clone CI beside other
 * jobs — never a timing goal (those are benchmarks, `pnpm bench`).
 */
export const ARRIVAL_MS = 20_000;
