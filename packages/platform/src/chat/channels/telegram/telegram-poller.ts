/**
 * Long polling of one bot (getUpdates), by exactly one process of all: the one holding the bot's
 * lease in the database (leases.ts). The holder renews the lease before every poll, whose
 * timeout is shorter than the lease, and stores each update in one transaction with the new
 * offset, `where fence = <its own>`: a holder that lost the lease unknowingly stores nothing and
 * stops (0 rows: roll back). The offset lives only in the database, so the next holder goes on
 * exactly where the last commit left off. Waits after errors run on the platform's clock.
 */
import type { Update } from '@grammyjs/types';
import type { Clock } from '../../../clock';
import type { Store } from '../../../storage/types';
import type { CursorGuard } from '../channel-types';
import { FenceLost } from '../leases';
import { callTelegram, type TelegramBot, TelegramError } from './telegram-api';

/** The poller's timings. */
export interface PollerTuning {
  /** getUpdates' long-poll timeout, in seconds: shorter than the lease. */
  pollTimeoutSeconds: number;
  /** How long a lease lasts after each renewal, on the platform's clock. */
  leaseMs: number;
  /** Real-time pause between looks at a lease another process holds, or at the clock while waiting. */
  tickMs: number;
  /** The wait after a failed poll, doubling up to `maxBackoffMs`, on the platform's clock. */
  backoffMs: number;
  maxBackoffMs: number;
}

/** Production timings: a 25 s poll inside a 60 s lease. */
export const DEFAULT_POLLER_TUNING: PollerTuning = {
  pollTimeoutSeconds: 25,
  leaseMs: 60_000,
  tickMs: 1_000,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
};

/** The updates the chat reads; edits, reactions and the rest are never asked for. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** What a poller tells whoever watches it (logs, tests). */
export type PollerEvent =
  | { type: 'holding'; credential: string; fence: number }
  | { type: 'lost'; credential: string; fence: number }
  | { type: 'error'; credential: string; error: string }
  | { type: 'stored'; credential: string; updateId: number };

/** A running poller. */
export interface TelegramPoller {
  readonly credential: string;
  readonly token: string;
  readonly widgetId: string;
  /** The fence this process holds the lease with, or undefined while another process polls. */
  fence(): number | undefined;
  /** Ends the loop (a poll in flight is aborted) and lets the lease go. */
  stop(): Promise<void>;
}

/** What a poller needs. */
export interface PollerSetup {
  store: Store;
  clock: Clock;
  apiUrl: string;
  /** Who this process is, in the lease. */
  holder: string;
  tuning: PollerTuning;
  /** Stores one update under the fence (telegram-receive.ts). @throws {FenceLost} */
  receive(update: Update, guard: CursorGuard): Promise<void>;
  emit(event: PollerEvent): void;
}

/** Starts polling `bot` whenever this process holds its lease. */
export function startTelegramPoller(
  setup: PollerSetup,
  bot: { credential: string; token: string; widgetId: string },
): TelegramPoller {
  const { store, clock, tuning, emit } = setup;
  if (tuning.pollTimeoutSeconds * 1000 >= tuning.leaseMs) {
    throw new Error('The poll timeout must be shorter than the lease.');
  }
  const { credential } = bot;
  const api: TelegramBot = { apiUrl: setup.apiUrl, token: bot.token };
  const abort = new AbortController();
  let held: { fence: number; cursor: number } | undefined;
  let wake: (() => void) | undefined;

  /** A real-time pause that stop() cuts short. */
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  /** Waits `ms` of the platform's clock, looking at it every tick. */
  const waitOnClock = async (ms: number) => {
    const until = clock().getTime() + ms;
    while (!abort.signal.aborted && clock().getTime() < until) await pause(tuning.tickMs);
  };
  const lose = (fence: number) => {
    held = undefined;
    emit({ type: 'lost', credential, fence });
    return 0;
  };

  /** One poll and its updates, while holding the lease with `fence`. */
  const pollOnce = async (lease: { fence: number; cursor: number }, failures: number) => {
    const { fence } = lease;
    const now = () => clock().getTime();
    if (
      !(await store.channels.leases.renew({
        credential,
        fence,
        leaseMs: tuning.leaseMs,
        now: now(),
      }))
    ) {
      return lose(fence);
    }
    let updates: Update[];
    try {
      updates = await callTelegram(
        api,
        'getUpdates',
        {
          ...(lease.cursor > 0 ? { offset: lease.cursor } : {}),
          timeout: tuning.pollTimeoutSeconds,
          allowed_updates: [...ALLOWED_UPDATES],
        },
        // The poll's own timeout, and room for the network.
        { timeoutMs: tuning.pollTimeoutSeconds * 1000 + 10_000, signal: abort.signal },
      );
    } catch (error) {
      if (abort.signal.aborted) return failures;
      const text = describe(error);
      await store.channels.leases.note({ credential, fence, error: text, now: now() });
      emit({ type: 'error', credential, error: text });
      // 409: another getUpdates took over — one of ours that took the lease (the renewal above
      // will say so), or a program outside the platform, which only waiting can outlast.
      await waitOnClock(Math.min(tuning.backoffMs * 2 ** failures, tuning.maxBackoffMs));
      return failures + 1;
    }
    if (failures > 0 || lease.cursor === 0) {
      await store.channels.leases.note({ credential, fence, error: null, now: now() });
    }
    for (const update of updates) {
      const guard: CursorGuard = { credential, fence, cursor: update.update_id + 1 };
      try {
        await setup.receive(update, guard);
      } catch (error) {
        if (error instanceof FenceLost) return lose(fence);
        // The database, most likely: the update stays unconfirmed and comes again.
        const text = `Could not store update ${update.update_id}: ${describe(error)}`;
        emit({ type: 'error', credential, error: text });
        await waitOnClock(Math.min(tuning.backoffMs * 2 ** failures, tuning.maxBackoffMs));
        return failures + 1;
      }
      lease.cursor = guard.cursor;
      emit({ type: 'stored', credential, updateId: update.update_id });
    }
    return 0;
  };

  const run = async () => {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        if (!held) {
          const lease = await store.channels.leases.acquire({
            credential,
            holder: setup.holder,
            leaseMs: tuning.leaseMs,
            now: clock().getTime(),
          });
          if (!lease) {
            await pause(tuning.tickMs);
            continue;
          }
          held = { fence: lease.fence, cursor: lease.cursor };
          failures = 0;
          emit({ type: 'holding', credential, fence: lease.fence });
        }
        failures = await pollOnce(held, failures);
      } catch (error) {
        // The database is out of reach: look again after a pause.
        emit({ type: 'error', credential, error: describe(error) });
        await pause(tuning.tickMs);
      }
    }
  };
  const running = run();

  return {
    credential,
    token: bot.token,
    widgetId: bot.widgetId,
    fence: () => held?.fence,
    async stop() {
      abort.abort();
      wake?.();
      await running;
      const last = held;
      held = undefined;
      if (last) await store.channels.leases.release(credential, last.fence).catch(() => undefined);
    },
  };
}

/** An error as the Studio's status shows it (never with the token, which only URLs carry). */
function describe(error: unknown): string {
  if (error instanceof TelegramError) return `Telegram: ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
