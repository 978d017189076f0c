/**
 * The platform's background work: ringing due callback orders, firing due chat auto-replies,
 * the distributing chat groups' turns, telling consoles what became missed, delivering replies to
 * messengers (and noticing bots connected since), fetching the customers' photos and files,
 * sending the outbox and cutting `/ops` sockets whose session expired, on an interval, one pass at
 * a time. Every process runs them; the database decides which process takes each task, auto-reply
 * and message (see orders/due-tasks-store.ts, chat/auto-replies-store.ts and
 * outbox/outbox-store.ts), so each fires once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Channels, ChatFeed } from './chat';
import { fireAutoReplies } from './chat';
import type { AppContext } from './context';
import type { AutoCallbacks, OrderFeed } from './orders';
import { ringDue } from './orders';
import type { OutboxChannel, Transport } from './outbox';
import { sendOutbox } from './outbox';

/** How often the workers run, and how long a claim lasts before another process may take it. */
export interface WorkerTiming {
  /** Milliseconds between passes; 0 = no timer (tests run passes by hand). */
  intervalMs: number;
  /**
   * How old a claim must be before another process takes it over: longer than any send may
   * take (the transports time out within a minute), or a slow send could go out twice.
   */
  leaseMs: number;
}

/** The running workers. */
export interface Workers {
  /** Rings the orders due now; resolves to how many tasks it handled. */
  runDue(): Promise<number>;
  /** Waits until the automatic callbacks' calls in progress are over and recorded. */
  callbacksSettled(): Promise<void>;
  /** Fires the chat auto-replies due now; resolves to how many it sent. */
  fireAutoReplies(): Promise<number>;
  /** Delivers the replies to messengers due now; resolves to how many attempts it made. */
  deliverReplies(): Promise<number>;
  /** Fetches the customers' attachments due now; resolves to how many attempts it made. */
  fetchAttachments(): Promise<number>;
  /** Sends the outbox messages due now; resolves to how many it handled. */
  sendOutbox(): Promise<number>;
  /** A turn of the distributing chat groups with work now; how many conversations moved. */
  distributeChats(): Promise<number>;
  /** Tells consoles of what became missed since the last pass; how many accounts it told. */
  noticeMissed(): Promise<number>;
  /** Disconnects this process's `/ops` sockets whose session expired; how many. */
  endExpiredSessions(): number;
  /** Runs a pass soon (a "call me now" order need not wait for the interval); no-op without a timer. */
  wake(): void;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/** Who this process is in claims and leases: shown in the database, for whoever debugs a stuck one. */
export function claimerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Starts the workers of one platform process. */
export function startWorkers(
  ctx: AppContext,
  feed: OrderFeed,
  transports: Partial<Record<OutboxChannel, Transport>>,
  timing: WorkerTiming & { by?: string },
  log: (error: unknown) => void,
  chat: ChatFeed,
  chats: Pick<Workers, 'distributeChats' | 'noticeMissed'>,
  channels?: Pick<Channels, 'deliver' | 'fetchAttachments' | 'refreshDue'>,
  dial?: (claim: { by: string; leaseMs: number }) => AutoCallbacks,
): Workers {
  const claim = { by: timing.by ?? claimerId(), leaseMs: timing.leaseMs };
  const callbacks = dial?.(claim);
  const runDue = () => ringDue(ctx.store, ctx.clock, feed, claim, callbacks);
  const send = () => sendOutbox(ctx.store, ctx.clock, transports, claim);
  const autoReplies = () => fireAutoReplies(ctx.store, ctx.clock, chat, claim.by);
  const endExpiredSessions = () => ctx.opsSessions.endExpired(ctx.clock().getTime());
  const deliverReplies = async () => (channels ? channels.deliver() : 0);
  const fetchAttachments = async () => (channels ? channels.fetchAttachments() : 0);

  let running: Promise<void> | undefined;
  /**
   * Passes that run beside the loop, not in it, each one at a time: they wait as long as someone
   * else's server does, and ringing orders, auto-replies and replies must not. An attachment's
   * download takes as long as the messenger's CDN (up to a minute each); the outbox as long as
   * the SMTP server or SMS provider (up to a timeout for each of 20 messages).
   */
  const fetching = beside(fetchAttachments, log);
  const sending = beside(send, log);
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        endExpiredSessions();
        await runDue().catch(log);
        await autoReplies().catch(log);
        // First answers overdue on the clock move on; queues go to who came free.
        await chats.distributeChats().catch(log);
        await chats.noticeMissed().catch(log);
        await deliverReplies().catch(log);
        fetching.start();
        await channels?.refreshDue().catch(log);
        sending.start();
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  };
  const timer = timing.intervalMs > 0 ? setInterval(pass, timing.intervalMs) : undefined;

  return {
    runDue,
    callbacksSettled: async () => callbacks?.settled(),
    fireAutoReplies: autoReplies,
    deliverReplies,
    fetchAttachments,
    sendOutbox: send,
    distributeChats: chats.distributeChats,
    noticeMissed: chats.noticeMissed,
    endExpiredSessions,
    wake() {
      if (timer) pass();
    },
    async stop() {
      stopped = true;
      callbacks?.stop();
      clearInterval(timer);
      await running;
      await Promise.all([fetching.settled(), sending.settled()]);
    },
  };
}

/** A pass run beside the workers' loop: `start()` runs it unless it is running already. */
function beside(pass: () => Promise<number>, log: (error: unknown) => void) {
  let current: Promise<void> | undefined;
  return {
    start() {
      current ??= pass()
        .then(() => undefined, log)
        .finally(() => {
          current = undefined;
        });
    },
    /** Resolves once the pass in progress, if any, is over. */
    settled: async () => current,
  };
}
