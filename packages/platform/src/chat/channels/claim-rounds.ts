/**
 * The rounds of a claimed outbox pass, which the replies' outbox (deliver-replies.ts) and the
 * customers' attachments (attachments/fetch-attachments.ts) share: each round claims what is
 * due now — and what a claimer that died left, its claim older than the lease — handles all of
 * it at once, and claims again, until nothing is due or the rounds run out (the next pass goes
 * on from there). A round lasts as long as its slowest item: the attachments' pass, whose
 * downloads may take a minute each, runs beside the workers' loop (workers.ts).
 */
import type { Clock } from '../../clock';

/** What one claim asks the store for. */
export interface ClaimWindow {
  now: number;
  by: string;
  /** Claims older than this are a dead claimer's: taken again. */
  staleBefore: number;
  limit: number;
}

/** Claims and handles up to `rounds` batches of `limit`; how many items it handled. */
export async function claimRounds<T>(input: {
  clock: Clock;
  claim: { by: string; leaseMs: number };
  rounds: number;
  limit: number;
  take(window: ClaimWindow): Promise<T[]>;
  handle(item: T): Promise<void>;
}): Promise<number> {
  const { clock, claim } = input;
  let handled = 0;
  for (let round = 0; round < input.rounds; round++) {
    const now = clock().getTime();
    const due = await input.take({
      now,
      by: claim.by,
      staleBefore: now - claim.leaseMs,
      limit: input.limit,
    });
    if (due.length === 0) break;
    handled += due.length;
    await Promise.all(due.map((item) => input.handle(item)));
  }
  return handled;
}
