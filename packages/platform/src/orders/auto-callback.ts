/**
 * The automatic callback, started by an order's due task: the SIP edge's controller calls the
 * order's addressees at once (callback-targets.ts: operators' console softphones, employees'
 * external phones and the external addressee through a trunk) and, once one answers, the
 * visitor's number with the widget's outgoing number, and connects them (SIP-EDGE.md, "The
 * automatic callback's calls"). Each attempt is recorded on the order and in the call history; an
 * unanswered one is tried again by the widget's retry policy, and after the last one the order
 * rings the consoles as a card and its staff get e-mail/SMS (ORDERS.md). Orders this cannot dial
 * (no edge in this process, no trunk for the visitor's number, nobody to call) ring the consoles
 * as cards.
 */
import {
  type CallbackSettings,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type TextLocale,
} from '@frontdesk/config';
import type { CallbackAddressee, SipEdge, Trunk } from '../calls';
import { dialRefusal } from '../calls';
import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import { accountLanguage, platformTexts } from '../texts';
import { orderRoutingOf } from './callback-mode';
import { type CallbackTarget, callbackTargets } from './callback-targets';
import type { OrderFeed } from './order-feed';
import { orderNotifications } from './order-notifications';
import type { DueTask, Order } from './order-records';

/**
 * What became of an order offered to the automatic callbacks: its attempt started (`calling`);
 * the edge is starting or restarting — offer it again shortly (`later`); or the platform cannot
 * call it and the consoles ring it as a card (`consoles`).
 */
export type Take = 'calling' | 'later' | 'consoles';

/**
 * How long automatic orders wait for an edge that is starting or restarting (the platform just
 * started, Kamailio died) before the consoles ring them instead: its restarts back off to 30 s.
 */
export const EDGE_WAIT_MS = 120_000;

/** What places an order's calls. */
export interface AutoCallbacks {
  take(task: DueTask, order: Order): Promise<Take>;
  /** Waits for the attempts in progress (tests). */
  settled(): Promise<void>;
  /**
   * The platform closes: attempts in progress record nothing more (their claims, no longer
   * renewed, are taken over after the lease, and the order is called again).
   */
  stop(): void;
}

/** Whom to call, through which trunk. */
interface Plan {
  trunk: Trunk;
  targets: CallbackTarget[];
  widget: { id: string; name: string };
  policy: RetryPolicy;
  notify: { emails: readonly string[]; smsNumbers: readonly string[] };
  timeZone: string;
  /** What staff are told is in the account's language. */
  language: TextLocale;
}

/** The automatic callbacks of one process whose SIP edge runs (`edge`). */
export function autoCallbacks(deps: {
  store: Store;
  clock: Clock;
  edge: SipEdge;
  feed: OrderFeed;
  claim: { by: string; leaseMs: number };
  log: (error: unknown) => void;
}): AutoCallbacks {
  const { store, clock, edge, feed, claim } = deps;
  /**
   * The attempts in progress here, by task. A claim fences other processes only: if renewals
   * failed for a whole lease (the database away), this process claims the task again itself.
   */
  const running = new Map<string, Promise<void>>();
  const renewals = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Since when (on the clock) this process's edge has not been running; undefined while it is. */
  let downSince: number | undefined;
  /** Whether an automatic order waits for the edge, which will be back soon. */
  function edgeComing(now: number): boolean {
    const { state } = edge.status();
    if (state === 'running') {
      downSince = undefined;
      return false;
    }
    // `stopped`: the workers start before the edge does (and after close() nothing is offered).
    if (state === 'unavailable') return false;
    downSince ??= now;
    return now - downSince < EDGE_WAIT_MS;
  }

  async function plan(order: Order): Promise<Plan | undefined> {
    if (order.mode !== 'automatic' || edge.status().state !== 'running') return undefined;
    const widget = await store.widgets.get(order.widgetId);
    const routing = widget && orderRoutingOf(widget.settings);
    if (!widget || routing?.mode.kind !== 'automatic') return undefined;
    const targets = await callbackTargets(store, order);
    const dials = (trunk: Trunk, number: string) =>
      dialRefusal(number, trunk.destinations) === undefined;
    const numbers = targets.flatMap((t) => (t.addressee.kind === 'number' ? [t.addressee] : []));
    const trunks = (await store.trunks.list(order.accountId)).filter((t) => dials(t, order.phone));
    // Best a trunk that dials every phone of the addressees too; else their consoles ring alone.
    const trunk = trunks.find((t) => numbers.every((n) => dials(t, n.number))) ?? trunks[0];
    if (!trunk) return undefined;
    const reachable = targets.filter(
      (t) => t.addressee.kind === 'console' || dials(trunk, t.addressee.number),
    );
    if (reachable.length === 0) return undefined;
    const mode = routing.mode as Extract<CallbackSettings['mode'], { kind: 'automatic' }>;
    const policy = mode.retries ?? DEFAULT_RETRY_POLICY;
    return {
      trunk,
      targets: reachable,
      widget: { id: widget.id, name: widget.name },
      policy,
      notify: {
        emails: [...new Set([...policy.notify.emails, ...routing.notify.emails])],
        smsNumbers: [...new Set([...policy.notify.smsNumbers, ...routing.notify.smsNumbers])],
      },
      timeZone: widget.settings.schedule.timeZone,
      language: await accountLanguage(store, order.accountId),
    };
  }

  async function attempt(task: DueTask, order: Order, p: Plan): Promise<void> {
    const startedAt = clock().getTime();
    // The claim stays fresh while the call lasts: no other process calls the order meanwhile.
    const renew = setInterval(
      () => void store.dueTasks.renew(task.id, claim.by, clock().getTime()).catch(deps.log),
      Math.max(1_000, Math.floor(claim.leaseMs / 3)),
    );
    renewals.add(renew);
    let outcome: Awaited<ReturnType<SipEdge['callback']>>;
    try {
      outcome = await edge.callback({
        trunkId: p.trunk.id,
        addressees: p.targets.map((t) => t.addressee),
        addresseeCallerId: order.phone,
        displayName: order.name ? `${order.name} ${order.phone}` : order.phone,
        order: { id: order.id, phone: order.phone, name: order.name, widget: p.widget },
        visitor: order.phone,
        visitorCallerId: order.outgoingNumber ?? '',
        ringMs: p.policy.ringSeconds * 1000,
      });
    } catch (error) {
      deps.log(error);
      outcome = { result: 'failed', sipCode: null };
    } finally {
      clearInterval(renew);
      renewals.delete(renew);
    }
    if (stopped) return;
    const now = clock().getTime();
    const recorded = await store.orders.recordAttempt({
      orderId: order.id,
      taskId: task.id,
      claimedBy: claim.by,
      trunkId: p.trunk.id,
      // The employee who talked (none for an unanswered attempt or the external addressee).
      operator: outcome.result === 'answered' ? operatorOf(p.targets, outcome.addressee) : null,
      // The edge times the talk by the real clock; the history's times are the platform's.
      outcome:
        outcome.result === 'answered'
          ? {
              result: 'answered',
              talkMs: outcome.endedAt - outcome.answeredAt,
              answeredAt: Math.max(startedAt, now - (outcome.endedAt - outcome.answeredAt)),
              endedAt: now,
            }
          : outcome,
      startedAt,
      now,
      maxAttempts: p.policy.attempts,
      retryAfterMs: p.policy.intervalMinutes * 60_000,
      fallback: fallbackMessages(order, p),
    });
    if (recorded.next === 'fallback') feed.ringing(recorded.order);
    feed.updated(recorded.order);
  }

  return {
    async take(task, order) {
      if (stopped) return 'consoles';
      if (running.has(task.id)) return 'calling';
      if (order.mode === 'automatic' && edgeComing(clock().getTime())) return 'later';
      const p = await plan(order);
      if (!p) return 'consoles';
      const call = attempt(task, order, p)
        .catch(deps.log)
        .finally(() => running.delete(task.id));
      running.set(task.id, call);
      return 'calling';
    },
    async settled() {
      while (running.size > 0) await Promise.all(running.values());
    },
    stop() {
      stopped = true;
      for (const renew of renewals) clearInterval(renew);
    },
  };
}

/** The employee behind the addressee who answered. */
function operatorOf(targets: readonly CallbackTarget[], answered: CallbackAddressee) {
  const same = (a: CallbackAddressee) =>
    a.kind === 'console'
      ? answered.kind === 'console' && answered.operatorId === a.operatorId
      : answered.kind === 'number' && answered.number === a.number;
  return targets.find((t) => same(t.addressee))?.operator ?? null;
}

/** The staff's e-mails and SMS when the platform gave up: manual mode's, saying so. */
function fallbackMessages(order: Order, p: Plan) {
  const t = platformTexts[p.language].order;
  return orderNotifications(order, p.notify, p.timeZone, p.language).map((message) => ({
    ...message,
    subject: message.subject && t.notReachedSubject(p.policy.attempts, message.subject),
    body:
      message.channel === 'email'
        ? `${t.notReachedEmail(p.policy.attempts)}\n\n${message.body}`
        : t.notReachedSms(message.body),
  }));
}
