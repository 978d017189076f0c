import { describe, expect, it } from 'vitest';
import { type PhoneCall, recordCallEvent, toPhoneEvent } from '../../src/phone/events';

const base = {
  class: 'call',
  accountaor: 'sip:1002@127.0.0.1:20008',
  direction: 'incoming',
  peeruri: 'sip:1001@127.0.0.1:20004',
  peerdisplayname: 'Alice',
  id: 'c756f64b98358f2c',
};

describe('phone events', () => {
  it('reads baresip events', () => {
    expect(toPhoneEvent({ ...base, type: 'CALL_CLOSED', param: '486 Rejected' })).toEqual({
      type: 'CALL_CLOSED',
      callId: 'c756f64b98358f2c',
      direction: 'incoming',
      peerUri: 'sip:1001@127.0.0.1:20004',
      peerName: 'Alice',
      param: '486 Rejected',
    });
    expect(toPhoneEvent({ type: 'EXIT', class: 'application' })).toEqual({
      type: 'EXIT',
      callId: undefined,
      direction: undefined,
      peerUri: undefined,
      peerName: undefined,
      param: undefined,
    });
  });

  it('adds events up to calls: who called, answered or not, how it ended', () => {
    const calls: PhoneCall[] = [];
    for (const raw of [
      { ...base, type: 'CALL_INCOMING' },
      { ...base, type: 'CALL_ESTABLISHED' },
      { ...base, type: 'CALL_CLOSED', param: 'Connection reset by peer' },
      { ...base, id: 'second', peerdisplayname: undefined, type: 'CALL_INCOMING' },
      { type: 'SHUTDOWN', class: 'application' },
    ]) {
      recordCallEvent(calls, toPhoneEvent(raw));
    }
    expect(calls).toEqual([
      {
        id: 'c756f64b98358f2c',
        direction: 'incoming',
        peerUri: 'sip:1001@127.0.0.1:20004',
        peerName: 'Alice',
        established: true,
        closedReason: 'Connection reset by peer',
      },
      {
        id: 'second',
        direction: 'incoming',
        peerUri: 'sip:1001@127.0.0.1:20004',
        peerName: undefined,
        established: false,
        closedReason: undefined,
      },
    ]);
  });
});
