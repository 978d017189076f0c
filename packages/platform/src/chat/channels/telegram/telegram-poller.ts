/**
 * One bot's updates, read by exactly one process of all: the one holding the bot's lease in the
 * database (leases.ts). While it holds the lease it either long-polls (getUpdates, below) or
 * keeps the bot's webhook set (telegram-webhook-keeper.ts). A poller renews the lease before
 * every poll, whose timeout is shorter than the lease, and stores each update in one transaction
 * with the new offset, `where fence = <its own>`: a holder that lost the lease unknowingly stores
 * nothing and stops (0 rows: roll back). The offset lives only in the database, so the next
 * holder goes on exactly where the last commit left off. Waits after errors run on the
 * platform's clock.
 */
import type { Update } from '@grammyjs/types';
import type { Clock } from '../../../clock';
import type { Store } from '../../../storage/store';
import type { CursorGuard } from '../channel-types';
import { FenceLost } from '../leases';
import { callTelegram, type TelegramBot, TelegramError } from './telegram-api';
import { ALLOWED_UPDATES } from './telegram-update';
import { keepWebhook } from './telegram-webhook-keeper';

/** The poller's timings. */
export interface PollerTuning {
  /** getUpdates' long-poll timeout, in seconds: shorter than the lease. */
  pollTimeoutSeconds: number;
  /** How long a lease lasts after each renewal, on the platform's clock. */
  leaseMs: number;
  /** Real-time pause between looks at a lease another process holds, or at the clock while waiting. */
  tickMs: number;
  /** The wait after a failed call, doubling up to `maxBackoffMs`, on the platform's clock. */
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

/** What a poller tells whoever watches it (logs, tests). */
export type PollerEvent =
  | { type: 'holding'; credential: string; fence: number }
  | { type: 'lost'; credential: string; fence: number }
  | { type: 'error'; credential: string; error: string }
  | { type: 'stored'; credential: string; updateId: number }
  | { type: 'webhook'; credential: string; url: string | null };

/** A running poller. */
export interface TelegramPoller {
  readonly credential: string;
  readonly token: string;
  readonly widgetId: string;
  readonly mode: TelegramMode;
  /** The fence this process holds the lease with, or undefined while another process polls. */
  fence(): number | undefined;
  /** Ends the loop (a poll in flight is aborted) and lets the lease go. */
  stop(): Promise<void>;
}

/** How the bot's updates come: long polling, or a webhook at `webhookUrl`. */
export type TelegramMode = 'polling' | 'webhook';

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
  /**
   * Announces what an earlier holder stored but never told the operators (announce-stored.ts):
   * its updates are past the cursor, so Telegram will not send them again.
   */
  announce(): Promise<void>;
  emit(event: PollerEvent): void;
}

/** The bot a poller reads, and how. */
export interface PolledBot {
  credential: string;
  token: string;
  widgetId: string;
  mode: TelegramMode;
  /** Where the webhook goes (PUBLIC_URL's route for this bot); webhook mode only. */
  webhookUrl: string;
  /**
   * One round of keeping the webhook (default Telegram's, telegram-webhook-keeper.ts): the
   * lease loop serves any messenger whose updates come by webhook (Viber's keeper).
   */
  keep?: (lease: HeldLease, url: string, failures: number) => Promise<number>;
  /**
   * One round of polling (default Telegram's getUpdates, below): the lease loop serves any
   * messenger that long-polls (VK's Bots Long Poll, vk-long-poll.ts).
   */
  poll?: (lease: HeldLease, failures: number) => Promise<number>;
}

/** What the work of a lease holder (polling or keeping the webhook) gets. */
export interface HeldLease {
  readonly credential: string;
  readonly fence: number;
  cursor: number;
  webhookUrl: string | null;
  readonly api: TelegramBot;
  readonly store: Store;
  readonly tuning: PollerTuning;
  readonly signal: AbortSignal;
  /** Extends the lease; false once lost (the loop goes back to waiting for it). */
  renew(): Promise<boolean>;
  /** Notes the failure on the lease and waits it out; the failures so far after it. */
  failed(error: unknown, failures: number): Promise<number>;
  /** Notes the API's state for the Studio: an error, or none (it answers). */
  note(error: string | null): Promise<void>;
  /** Waits `ms` of the platform's clock (cut short by stop()). */
  waitOnClock(ms: number): Promise<void>;
  /** Gives the lease up: another process holds it now. */
  lose(): number;
  emit(event: PollerEvent): void;
  now(): number;
}

/** Starts reading `bot` whenever this process holds its lease. */
export function startTelegramPoller(setup: PollerSetup, bot: PolledBot): TelegramPoller {
  const { store, clock, tuning, emit } = setup;
  if (tuning.pollTimeoutSeconds * 1000 >= tuning.leaseMs) {
    throw new Error('The poll timeout must be shorter than the lease.');
  }
  const { credential } = bot;
  const abort = new AbortController();
  let held: HeldLease | undefined;
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
  const waitOnClock = async (ms: number) => {
    const until = clock().getTime() + ms;
    while (!abort.signal.aborted && clock().getTime() < until) await pause(tuning.tickMs);
  };
  const now = () => clock().getTime();

  const hold = (taken: { fence: number; cursor: number; webhookUrl: string | null }) => {
    const { fence } = taken;
    const lease: HeldLease = {
      credential,
      fence,
      cursor: taken.cursor,
      webhookUrl: taken.webhookUrl,
      api: { apiUrl: setup.apiUrl, token: bot.token },
      store,
      tuning,
      signal: abort.signal,
      renew: async () => {
        const renewed = await store.channels.leases.renew({
          credential,
          fence,
          leaseMs: tuning.leaseMs,
          now: now(),
        });
        if (!renewed) lease.lose();
        return renewed;
      },
      async failed(error, failures) {
        const text = errorText(error);
        await store.channels.leases.note({ credential, fence, error: text, now: now() });
        emit({ type: 'error', credential, error: text });
        await waitOnClock(Math.min(tuning.backoffMs * 2 ** failures, tuning.maxBackoffMs));
        return failures + 1;
      },
      note: (error) => store.channels.leases.note({ credential, fence, error, now: now() }),
      waitOnClock,
      lose() {
        if (held === lease) {
          held = undefined;
          emit({ type: 'lost', credential, fence });
        }
        return 0;
      },
      emit,
      now,
    };
    return lease;
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
            now: now(),
          });
          if (!lease) {
            await pause(tuning.tickMs);
            continue;
          }
          held = hold(lease);
          failures = 0;
          emit({ type: 'holding', credential, fence: lease.fence });
          // Polling only: a webhook's update whose process died unanswered is posted again.
          if (bot.mode === 'polling') {
            // Best effort: the messages are stored either way; a console sees them at a reload.
            await setup.announce().catch((error: unknown) => {
              emit({ type: 'error', credential, error: errorText(error) });
            });
          }
        }
        failures =
          bot.mode === 'webhook'
            ? await (bot.keep ?? keepWebhook)(held, bot.webhookUrl, failures)
            : await (bot.poll ?? ((lease, n) => pollOnce(lease, setup, n)))(held, failures);
      } catch (error) {
        // The database is out of reach: look again after a pause.
        emit({ type: 'error', credential, error: errorText(error) });
        await pause(tuning.tickMs);
      }
    }
  };
  const running = run();

  return {
    credential,
    token: bot.token,
    widgetId: bot.widgetId,
    mode: bot.mode,
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

/** One getUpdates and its updates; the failures so far after it. */
async function pollOnce(lease: HeldLease, setup: PollerSetup, failures: number): Promise<number> {
  const { credential, fence, tuning } = lease;
  if (!(await lease.renew())) return 0;
  if (lease.webhookUrl !== null) {
    // Back from webhook mode: Telegram refuses getUpdates while a webhook is set.
    try {
      await callTelegram(lease.api, 'deleteWebhook', {}, { timeoutMs: 10_000 });
    } catch (error) {
      return lease.failed(error, failures);
    }
    if (!(await lease.store.channels.leases.setWebhook({ credential, fence, webhook: null }))) {
      return lease.lose();
    }
    lease.webhookUrl = null;
    lease.emit({ type: 'webhook', credential, url: null });
  }
  let updates: Update[];
  try {
    updates = await callTelegram(
      lease.api,
      'getUpdates',
      {
        ...(lease.cursor > 0 ? { offset: lease.cursor } : {}),
        timeout: tuning.pollTimeoutSeconds,
        allowed_updates: [...ALLOWED_UPDATES],
      },
      // The poll's own timeout, and room for the network.
      { timeoutMs: tuning.pollTimeoutSeconds * 1000 + 10_000, signal: lease.signal },
    );
  } catch (error) {
    if (lease.signal.aborted) return failures;
    // 409: another getUpdates took over — one of ours that took the lease (the next renewal
    // says so), or a program outside the platform, which only waiting can outlast.
    return lease.failed(error, failures);
  }
  if (failures > 0 || lease.cursor === 0) await lease.note(null);
  for (const update of updates) {
    const guard: CursorGuard = { credential, fence, cursor: update.update_id + 1 };
    try {
      await setup.receive(update, guard);
    } catch (error) {
      if (error instanceof FenceLost) return lease.lose();
      // The database, most likely: the update stays unconfirmed and comes again.
      return lease.failed(
        new Error(`Could not store update ${update.update_id}: ${errorText(error)}`),
        failures,
      );
    }
    lease.cursor = guard.cursor;
    lease.emit({ type: 'stored', credential, updateId: update.update_id });
  }
  return 0;
}

/** An error as the Studio's status shows it (never with the token, which only URLs carry). */
function errorText(error: unknown): string {
  if (error instanceof TelegramError) return `Telegram: ${error.description}`;
  return error instanceof Error ? error.message : String(error);
}
