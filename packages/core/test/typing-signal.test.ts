import { typingSignal } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('the operator’s typing signal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says "typing" once per interval while keys come, and "stopped" after a pause', () => {
    const emitted: boolean[] = [];
    const signal = typingSignal((t) => emitted.push(t), { every: 3000, idle: 4000, now: Date.now });
    for (let i = 0; i < 20; i++) {
      signal.typed();
      vi.advanceTimersByTime(200);
    }
    // 4 s of typing: at 0 and at 3 s.
    expect(emitted).toEqual([true, true]);
    vi.advanceTimersByTime(4000);
    expect(emitted).toEqual([true, true, false]);
  });

  it('says "stopped" on send, only once, and nothing if it never said "typing"', () => {
    const emitted: boolean[] = [];
    const signal = typingSignal((t) => emitted.push(t));
    signal.stop();
    expect(emitted).toEqual([]);
    signal.typed();
    signal.stop();
    signal.stop();
    vi.advanceTimersByTime(10_000);
    expect(emitted).toEqual([true, false]);
    signal.typed();
    expect(emitted).toEqual([true, false, true]);
  });
});
