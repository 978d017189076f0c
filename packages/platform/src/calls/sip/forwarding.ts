/**
 * The forwarding scheme of a call widget as Kamailio executes it: stages that each ring, for so
 * long, the line's consoles and/or numbers through the account's trunks, then the fallback. The
 * platform computes it at every call (POST /sip/route from Kamailio), so who is online, the
 * employees' phones, the trunks and the working hours are those of the moment.
 */
import type { CallSettings } from '@frontdesk/config';
import { createSchedule, isOpen } from '@frontdesk/schedule';
import type { Store } from '../../storage/store';
import type { Widget } from '../../widgets/widget-records';
import type { Trunk } from '../call-records';
import { parseCredentialUser } from './credentials';
import { refusal } from './destinations';

/** One number of a stage, with the trunk that dials it and the caller id it presents. */
export interface PlannedNumber {
  trunkId: string;
  number: string;
  /** E.164, or '' for the trunk's username. */
  callerId: string;
}

/** What rings at once, and for how long. */
export interface PlanStage {
  ms: number;
  /** The line's registered consoles. */
  consoles: boolean;
  numbers: PlannedNumber[];
}

/** The moment's facts the plan depends on. */
export interface PlanFacts {
  /** Whether any console is registered for the line now (Kamailio knows). */
  online: boolean;
  /** Whether the widget's schedule is open now. */
  open: boolean;
  /** How long the fallback may ring. */
  fallbackMs: number;
}

/** The trunk of `widget`'s account that may dial `number`, the first of them (oldest). */
function trunkFor(trunks: readonly Trunk[], number: string): Trunk | undefined {
  return trunks.find((trunk) => refusal(number, trunk.destinations) === undefined);
}

/** The stages of `widget`'s call now; empty: nobody to ring (the visitor is offered a callback). */
export async function forwardingPlan(
  store: Store,
  widget: Widget,
  facts: PlanFacts,
): Promise<PlanStage[]> {
  const settings = widget.settings as CallSettings;
  const forwarding = settings.forwarding;
  const trunks = await store.trunks.list(widget.accountId);
  const planned = (numbers: readonly string[]): PlannedNumber[] =>
    [...new Set(numbers)].flatMap((number) => {
      const trunk = trunkFor(trunks, number);
      if (!trunk) return [];
      return [
        { trunkId: trunk.id, number, callerId: settings.outgoingNumber ?? trunk.callerId ?? '' },
      ];
    });

  let phones: string[] = [];
  if (forwarding?.kind === 'external') phones = [forwarding.number];
  else if (forwarding?.kind === 'employee') {
    const user = await store.users.get(forwarding.id);
    if (user?.accountId === widget.accountId && user.phone) phones = [user.phone];
  } else if (forwarding?.kind === 'group') {
    const group = await store.groups.get(forwarding.id);
    const members = await Promise.all((group?.memberIds ?? []).map((id) => store.users.get(id)));
    phones = members.flatMap((user) =>
      user?.accountId === widget.accountId && user.phone ? [user.phone] : [],
    );
  }
  const consoles = facts.online && forwarding?.kind !== 'external';
  const ms = settings.ringSeconds * 1000;
  const stages: PlanStage[] = [];
  if (facts.open) {
    if (settings.ringing === 'together') {
      stages.push({ ms, consoles, numbers: planned(phones) });
    } else {
      stages.push({ ms, consoles, numbers: [] }, { ms, consoles: false, numbers: planned(phones) });
    }
  }
  if (settings.fallback.kind === 'external') {
    stages.push({
      ms: facts.fallbackMs,
      consoles: false,
      numbers: planned([settings.fallback.number]),
    });
  }
  return stages.filter((stage) => stage.consoles || stage.numbers.length > 0);
}

/**
 * The plan as Kamailio reads it (route STAGE): `<ms>;<c or ->;<trunk>/<number>/<caller id>,…` per
 * stage, stages joined by `|`. Ids are UUIDs and numbers E.164: none holds a separator.
 */
export function encodePlan(stages: readonly PlanStage[]): string {
  return stages
    .map(
      (stage) =>
        `${stage.ms};${stage.consoles ? 'c' : '-'};${stage.numbers
          .map((n) => `${n.trunkId}/${n.number}/${n.callerId}`)
          .join(',')}`,
    )
    .join('|');
}

/**
 * The encoded plan of a visitor's call to `line` with `credential` (its user part), at `now`; ''
 * when the credential is not a visitor's of a live widget of that line.
 */
export async function callPlan(
  store: Store,
  call: { credential: string; line: string; online: boolean },
  now: Date,
  fallbackMs: number,
): Promise<string> {
  const user = parseCredentialUser(call.credential);
  if (user?.role !== 'visitor') return '';
  const widget = await store.widgets.byKey(user.widgetKey);
  if (widget?.type !== 'call' || !widget.active || widget.sipLine !== call.line) return '';
  const open = isOpen(createSchedule((widget.settings as CallSettings).schedule), now);
  return encodePlan(await forwardingPlan(store, widget, { online: call.online, open, fallbackMs }));
}
