/**
 * Call events from Kamailio (see route[EV_*] and event_route[dialog:end] in the template) and how
 * they become rows of `calls`. Kamailio is the only source: it posts them over loopback with the
 * edge secret, so a visitor can neither invent a call nor change its times or outcome.
 */
import * as v from 'valibot';
import type { Utm } from '../../orders';
import type { Store } from '../../storage/store';
import type { UnansweredStatus } from '../call-records';
import { parseCredentialUser } from './credentials';

/** What the platform told Kamailio about a visitor's call when it issued the credential. */
export interface CallerContext {
  widget: { id: string; key: string; name: string };
  page: { url: string | null; title: string | null };
  utm: Utm;
  visitor: { id: string; timeZone: string | null };
}

const Seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/=]*$/), v.maxLength(16_384));

const InviteEvent = v.object({
  type: v.literal('invite'),
  callId: Base64,
  line: v.pipe(v.string(), v.maxLength(300)),
  credential: v.pipe(v.string(), v.maxLength(200)),
  context: Base64,
  at: Seconds,
});
const AnsweredEvent = v.object({
  type: v.literal('answered'),
  callId: Base64,
  operator: v.pipe(v.string(), v.maxLength(100)),
  /** The number that answered through a trunk ('' when a console did). */
  number: v.optional(v.pipe(v.string(), v.regex(/^(\+[1-9]\d{6,14})?$/)), ''),
  trunk: v.optional(v.pipe(v.string(), v.maxLength(100)), ''),
  at: Seconds,
});
const FailedEvent = v.object({
  type: v.literal('failed'),
  callId: Base64,
  code: v.pipe(v.number(), v.integer()),
  /** `trunk`: the trunk to the telephone network was down (the edge answered 502). */
  reason: v.picklist(['', 'nobody', 'unreachable', 'cancelled', 'trunk']),
  at: Seconds,
});
const EndedEvent = v.object({
  type: v.literal('ended'),
  callId: Base64,
  by: v.picklist(['visitor', 'operator', 'timeout']),
  at: Seconds,
});

/** One event Kamailio posts. */
export const CallEventSchema = v.variant('type', [
  InviteEvent,
  AnsweredEvent,
  FailedEvent,
  EndedEvent,
]);
export type CallEvent = v.InferOutput<typeof CallEventSchema>;

/** The caller context as the base64 JSON Kamailio keeps and hands to the softphone. */
export function encodeContext(context: CallerContext): string {
  return Buffer.from(JSON.stringify(context)).toString('base64');
}

/** The caller context of an event, or undefined when absent or unreadable. */
export function decodeContext(base64: string): CallerContext | undefined {
  if (base64 === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as CallerContext;
    return typeof value === 'object' && value !== null && typeof value.widget === 'object'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** The status of a call given up with SIP `code` (and Kamailio's `reason`). */
export function unansweredStatus(code: number, reason: string): UnansweredStatus {
  if (reason === 'nobody' || reason === 'unreachable') return 'unavailable';
  if (reason === 'cancelled' || code === 487) return 'cancelled';
  if (code === 486 || code === 600) return 'busy';
  if (code === 603) return 'declined';
  if (code === 408 || code === 480) return 'no_answer';
  return 'failed';
}

/** What applying an event did, for the log. */
export type Applied = 'recorded' | 'ignored' | 'unknown_widget';

/** Applies one event to the store; events that change nothing (repeats, late ones) are ignored. */
export async function applyCallEvent(store: Store, event: CallEvent): Promise<Applied> {
  const callId = Buffer.from(event.callId, 'base64').toString('utf8');
  const at = Math.round(event.at * 1000);
  switch (event.type) {
    case 'invite': {
      const user = parseCredentialUser(event.credential);
      if (user?.role !== 'visitor') return 'ignored';
      const context = decodeContext(event.context);
      const widget =
        (await store.widgets.byKey(user.widgetKey)) ??
        (context ? await store.widgets.get(context.widget.id) : undefined);
      if (!widget || widget.key !== user.widgetKey || widget.sipLine !== event.line) {
        return 'unknown_widget';
      }
      const started = await store.calls.start({
        callId,
        accountId: widget.accountId,
        widgetId: widget.id,
        widgetName: widget.name,
        line: event.line,
        visitorId: user.visitorId,
        page: context?.page ?? { url: null, title: null },
        utm: context?.utm ?? {},
        visitorTimeZone: context?.visitor.timeZone ?? null,
        startedAt: at,
      });
      return started ? 'recorded' : 'ignored';
    }
    case 'answered': {
      const operator =
        event.number !== ''
          ? await employeeWithPhone(store, callId, event.number)
          : event.operator === ''
            ? undefined
            : await store.users.get(event.operator);
      const answered = await store.calls.answer(callId, {
        at,
        operator: operator ? { id: operator.id, name: operator.name } : null,
        answeredNumber: event.number === '' ? null : event.number,
        trunkId: event.trunk === '' ? null : event.trunk,
      });
      return answered ? 'recorded' : 'ignored';
    }
    case 'failed': {
      const failed = await store.calls.fail(callId, {
        at,
        status: unansweredStatus(event.code, event.reason),
        sipCode: event.code,
        reason: event.reason === 'trunk' ? 'trunk_unavailable' : null,
      });
      return failed ? 'recorded' : 'ignored';
    }
    case 'ended': {
      const ended = await store.calls.end(callId, { at, by: event.by });
      return ended ? 'recorded' : 'ignored';
    }
  }
}

/** The employee of the call's account whose external phone is `number`: who answered there. */
async function employeeWithPhone(store: Store, callId: string, number: string) {
  const call = await store.calls.byCallId(callId);
  if (!call) return undefined;
  return (await store.users.list(call.accountId)).find((user) => user.phone === number);
}
