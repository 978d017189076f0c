/** The trunks' registration states from Kamailio's `uac.reg_dump` and the failures it logs. */
import { describe, expect, it } from 'vitest';
import {
  registrationFailure,
  registrationStates,
  registrationTracker,
} from '../../../src/calls/sip/registrations';

const ID = '4a1dba87-fdce-41a3-ad86-1ca3775849e5';
/** Lines as Kamailio 5.6 writes them. */
const AUTH_FAILED = ` 2(1704) ERROR: uac [uac_reg.c:933]: uac_reg_tm_callback(): authentication failed for <${ID}>`;
const ANSWERED = (code: number) =>
  ` 2(1704) ERROR: uac [uac_reg.c:1058]: uac_reg_tm_callback(): got sip response ${code} while registering [${ID}]`;

/** A record of `uac.reg_dump` (the password is there: the edge never passes it on). */
const record = (flags: number, timerExpires: number) => ({
  l_uuid: ID,
  l_username: 'acme',
  auth_password: 'secret',
  flags,
  timer_expires: timerExpires,
});

describe('trunk registrations', () => {
  it('reads the reason of a failure from Kamailio’s line', () => {
    expect(registrationFailure(AUTH_FAILED)).toEqual({
      id: ID,
      failure: { state: 'failed', reason: 'credentials', sipCode: null },
    });
    expect(registrationFailure(ANSWERED(503))).toEqual({
      id: ID,
      failure: { state: 'failed', reason: 'refused', sipCode: 503 },
    });
    expect(registrationFailure(ANSWERED(408))?.failure).toEqual({
      state: 'failed',
      reason: 'no_answer',
      sipCode: 408,
    });
    expect(registrationFailure(' 0(1) NOTICE: tls ...: registered server_name')).toBeUndefined();
  });

  it('registered (uac flag 4), pending before a first answer, failed with the last reason seen', () => {
    const failures = new Map([[ID, { state: 'failed', reason: 'refused', sipCode: 503 } as const]]);
    expect(registrationStates([record(20, 1_796_579_677)], failures).get(ID)).toEqual({
      state: 'registered',
    });
    expect(registrationStates([record(0, 0)], failures).get(ID)).toEqual({ state: 'pending' });
    expect(registrationStates([record(16, 1_796_579_219)], new Map()).get(ID)).toEqual({
      state: 'pending',
    });
    expect(registrationStates([record(16, 1_796_579_219)], failures).get(ID)).toEqual({
      state: 'failed',
      reason: 'refused',
      sipCode: 503,
    });
    expect(registrationStates('not a dump', failures).size).toBe(0);
  });

  it('forgets a failure once the trunk is registered', () => {
    const tracker = registrationTracker();
    tracker.observe(AUTH_FAILED);
    expect(tracker.read([record(16, 1)]).get(ID)).toMatchObject({ reason: 'credentials' });
    expect(tracker.read([record(20, 2)]).get(ID)).toEqual({ state: 'registered' });
    expect(tracker.read([record(16, 3)]).get(ID)).toEqual({ state: 'pending' });
  });
});
