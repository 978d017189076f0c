// @vitest-environment jsdom
import { createRinger } from '@frontdesk/chat';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A Web Locks stand-in: one holder per name; the next waiter gets it when it is released. */
function fakeLocks() {
  const queues = new Map<string, (() => void)[]>();
  return {
    request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const queue = queues.get(name) ?? [];
        queues.set(name, queue);
        const grant = () => {
          callback().then(() => {
            queue.shift();
            queue[0]?.();
            resolve();
          });
        };
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(grant);
          if (at > 0) queue.splice(at, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
        queue.push(grant);
        if (queue.length === 1) grant();
      });
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

describe('the new-message sound', () => {
  it('plays in one tab only, and the next tab takes over when it goes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const first = vi.fn();
    const second = vi.fn();
    const a = createRinger('k', first);
    const b = createRinger('k', second);
    await settle();
    a.ring();
    b.ring();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    a.stop();
    await settle();
    b.ring();
    expect(second).toHaveBeenCalledTimes(1);
    b.stop();
  });

  it('without Web Locks, plays only in a tab in view', () => {
    vi.stubGlobal('navigator', {});
    const play = vi.fn();
    const ringer = createRinger('k', play);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    ringer.ring();
    expect(play).not.toHaveBeenCalled();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    ringer.ring();
    expect(play).toHaveBeenCalledTimes(1);
  });
});
