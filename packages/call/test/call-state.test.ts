import {
  type CallEvent,
  type CallState,
  callDuration,
  idle,
  isDtmf,
  microphoneReason,
  nextState,
  platformReason,
  sipReason,
} from '@frontdesk/call';
import { describe, expect, it } from 'vitest';

const run = (events: CallEvent[], from: CallState = idle) => events.reduce(nextState, from);

describe('the call state machine', () => {
  it('goes microphone → connecting → ringing → in call → ended', () => {
    expect(run([{ type: 'start' }]).phase).toBe('microphone');
    expect(run([{ type: 'start' }, { type: 'microphone-ready' }]).phase).toBe('connecting');
    const ringing = run([{ type: 'start' }, { type: 'microphone-ready' }, { type: 'ringing' }]);
    expect(ringing.phase).toBe('ringing');
    const inCall = nextState(ringing, { type: 'answered', at: 1000 });
    expect(inCall).toEqual({ phase: 'in-call', answeredAt: 1000 });
    expect(nextState(inCall, { type: 'hung-up' })).toMatchObject({
      phase: 'ended',
      endedBy: 'visitor',
    });
    expect(nextState(inCall, { type: 'remote-ended' })).toMatchObject({
      phase: 'ended',
      endedBy: 'operator',
    });
  });

  it('fails with a reason from any live phase, and ignores events that make no sense', () => {
    const connecting = run([{ type: 'start' }, { type: 'microphone-ready' }]);
    expect(nextState(connecting, { type: 'failed', reason: 'busy' })).toEqual({
      phase: 'failed',
      reason: 'busy',
    });
    expect(nextState(idle, { type: 'answered', at: 1 })).toBe(idle);
    expect(nextState(idle, { type: 'failed', reason: 'busy' })).toBe(idle);
    const ended = run([{ type: 'start' }, { type: 'hung-up' }]);
    expect(ended.phase).toBe('ended');
    // A late answer of an abandoned call does not bring it back.
    expect(nextState(ended, { type: 'answered', at: 5 })).toBe(ended);
    // Another call can start after the end.
    expect(nextState(ended, { type: 'start' }).phase).toBe('microphone');
  });

  it('reconnects within a call, or fails with "connection lost"', () => {
    const inCall = run([
      { type: 'start' },
      { type: 'microphone-ready' },
      { type: 'answered', at: 7 },
    ]);
    const lost = nextState(inCall, { type: 'connection-lost' });
    expect(lost).toMatchObject({ phase: 'reconnecting', answeredAt: 7 });
    expect(nextState(lost, { type: 'connection-back' })).toMatchObject({
      phase: 'in-call',
      answeredAt: 7,
    });
    expect(nextState(lost, { type: 'failed', reason: 'connection_lost' })).toEqual({
      phase: 'failed',
      reason: 'connection_lost',
    });
  });
});

describe('failure reasons', () => {
  it('maps microphone errors', () => {
    expect(microphoneReason(new DOMException('x', 'NotAllowedError'))).toBe('permission_denied');
    expect(microphoneReason(new DOMException('x', 'SecurityError'))).toBe('permission_denied');
    expect(microphoneReason(new DOMException('x', 'NotFoundError'))).toBe('no_microphone');
    expect(microphoneReason(new DOMException('x', 'NotReadableError'))).toBe('no_microphone');
    expect(microphoneReason(undefined)).toBe('no_microphone');
  });

  it('maps the platform’s codes', () => {
    expect(platformReason('calls_unavailable')).toBe('unavailable');
    expect(platformReason('closed_now')).toBe('closed');
    expect(platformReason('network')).toBe('network');
    expect(platformReason('rate_limited')).toBe('rate_limited');
    expect(platformReason('widget_not_found')).toBe('unknown');
  });

  it('maps final SIP answers', () => {
    expect(sipReason(480)).toBe('no_answer');
    expect(sipReason(408)).toBe('no_answer');
    expect(sipReason(486)).toBe('busy');
    expect(sipReason(600)).toBe('busy');
    expect(sipReason(603)).toBe('declined');
    expect(sipReason(503)).toBe('unavailable');
    // The edge's answer when the trunk to the telephone network is down.
    expect(sipReason(502)).toBe('line_unavailable');
    expect(sipReason(500)).toBe('unknown');
  });
});

describe('helpers', () => {
  it('formats the call timer', () => {
    expect(callDuration(0)).toBe('00:00');
    expect(callDuration(65_400)).toBe('01:05');
    expect(callDuration(3_725_000)).toBe('1:02:05');
  });

  it('knows DTMF keys', () => {
    for (const key of '0123456789*#') expect(isDtmf(key)).toBe(true);
    expect(isDtmf('a')).toBe(false);
    expect(isDtmf('Enter')).toBe(false);
  });
});
