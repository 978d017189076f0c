/**
 * Where the trunks' registrations stand, read from Kamailio's uac module: `uac.reg_dump` tells
 * each record's flags (registered or not, a first REGISTER sent or not). Why one failed is not
 * kept there: uac only logs it ("authentication failed for <id>", "got sip response 503 while
 * registering [id]"), so the edge reads Kamailio's output lines for it and keeps the last per trunk.
 */
import type { TrunkRegistration } from '@frontdesk/config';

/** uac's record flag "registered" (modules/uac/uac_reg.c). */
const ONLINE = 1 << 2;

type Failure = Extract<TrunkRegistration, { state: 'failed' }>;

/** The failure a line of Kamailio's output reports, with the trunk (uac `l_uuid`) it is of. */
export function registrationFailure(line: string): { id: string; failure: Failure } | undefined {
  const auth = /uac_reg_tm_callback\(\): authentication failed for <([^>]+)>/.exec(line);
  if (auth?.[1]) {
    return { id: auth[1], failure: { state: 'failed', reason: 'credentials', sipCode: null } };
  }
  const answered =
    /uac_reg_tm_callback\(\): got sip response (\d{3}) while registering \[([^\]]+)\]/.exec(line);
  if (answered?.[1] && answered[2]) {
    const sipCode = Number(answered[1]);
    // 408: tm's own, when the provider never answered.
    const reason = sipCode === 408 ? 'no_answer' : 'refused';
    return { id: answered[2], failure: { state: 'failed', reason, sipCode } };
  }
  return undefined;
}

/** What `uac.reg_dump` tells of a record (the fields used here; never its password). */
interface DumpedRecord {
  l_uuid: string;
  flags: number;
  timer_expires: number;
}

function isDumpedRecord(value: unknown): value is DumpedRecord {
  const record = value as Partial<DumpedRecord> | null;
  return (
    typeof record?.l_uuid === 'string' &&
    typeof record.flags === 'number' &&
    typeof record.timer_expires === 'number'
  );
}

/** The trunks' registrations Kamailio knows: its dump and the last failure seen of each. */
export function registrationStates(
  dump: unknown,
  failures: ReadonlyMap<string, Failure>,
): Map<string, TrunkRegistration> {
  const states = new Map<string, TrunkRegistration>();
  for (const record of (Array.isArray(dump) ? dump : []).filter(isDumpedRecord)) {
    const failure = failures.get(record.l_uuid);
    states.set(
      record.l_uuid,
      record.flags & ONLINE
        ? { state: 'registered' }
        : // Nothing sent yet (no timer set), or no answer to it yet.
          record.timer_expires === 0 || !failure
          ? { state: 'pending' }
          : failure,
    );
  }
  return states;
}

/** The failures seen in Kamailio's output, and the states read with them. */
export interface RegistrationTracker {
  /** Each line of Kamailio's output. */
  observe(line: string): void;
  /** The registration of every trunk Kamailio registers, by trunk id. */
  read(dump: unknown): Map<string, TrunkRegistration>;
}

/** A {@link RegistrationTracker}; a trunk's failure is forgotten once it is registered. */
export function registrationTracker(): RegistrationTracker {
  const failures = new Map<string, Failure>();
  return {
    observe(line) {
      const seen = registrationFailure(line);
      if (seen) failures.set(seen.id, seen.failure);
    },
    read(dump) {
      const states = registrationStates(dump, failures);
      for (const [id, state] of states) if (state.state === 'registered') failures.delete(id);
      return states;
    },
  };
}
