import { loadTexts } from '@frontdesk/call';
import { describe, expect, it } from 'vitest';
import { callStatus } from '../src/call-status';

const texts = await loadTexts('en');
const t = texts.call;

describe('the call widget’s status line', () => {
  it('says nothing before the first call, then each phase', () => {
    expect(callStatus({ phase: 'idle' }, texts, 0)).toBe('');
    expect(callStatus({ phase: 'microphone' }, texts, 0)).toBe(t.microphone);
    expect(callStatus({ phase: 'connecting' }, texts, 0)).toBe(t.connecting);
    expect(callStatus({ phase: 'ringing' }, texts, 0)).toBe(t.ringing);
    expect(callStatus({ phase: 'reconnecting' }, texts, 0)).toBe(t.reconnecting);
  });

  it('counts the call’s time from its answer', () => {
    expect(callStatus({ phase: 'in-call', answeredAt: 1000 }, texts, 66_000)).toBe(
      `${t.inCall} 01:05`,
    );
  });

  it('tells who ended the call, and why one failed', () => {
    expect(callStatus({ phase: 'ended', endedBy: 'operator' }, texts, 0)).toBe(t.endedByOperator);
    expect(callStatus({ phase: 'ended', endedBy: 'visitor' }, texts, 0)).toBe(t.ended);
    expect(callStatus({ phase: 'failed', reason: 'busy' }, texts, 0)).toBe(t.reasons.busy);
    expect(callStatus({ phase: 'failed' }, texts, 0)).toBe(t.reasons.unknown);
  });
});
