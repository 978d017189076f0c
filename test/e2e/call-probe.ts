/**
 * What the call benchmarks (`call.bench-run.ts`, `trunk-call.bench-run.ts`) measure inside the
 * visitor's page: an init script noting the call button's clicks, the INVITEs sent, their 200 OKs
 * and the first inbound audio packet (`getStats()`), and the median they are reported by.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitPhase } from './call-helpers.ts';

/** What {@link probe} notes in the visitor page, `performance.now()` times. */
export interface Marks {
  clicks: number[];
  invites: number[];
  oks: number[];
  audio: number[];
}

/** Init script of the visitor page: timestamps of clicks, SIP messages and first audio. */
export function probe() {
  const marks: Marks = { clicks: [], invites: [], oks: [], audio: [] };
  (window as unknown as { __marks: Marks }).__marks = marks;
  window.addEventListener('click', () => marks.clicks.push(performance.now()), true);
  const NativeSocket = WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        const data = event.data;
        if (
          typeof data === 'string' &&
          data.startsWith('SIP/2.0 200') &&
          /^CSeq:\s*\d+\s+INVITE/im.test(data)
        ) {
          marks.oks.push(performance.now());
        }
      });
    }
    override send(data: Parameters<WebSocket['send']>[0]) {
      if (typeof data === 'string' && data.startsWith('INVITE ')) {
        marks.invites.push(performance.now());
      }
      super.send(data);
    }
  };
  const NativePeer = RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeer {
    constructor(config?: RTCConfiguration) {
      super(config);
      const poll = async () => {
        if (this.connectionState === 'closed' || this.signalingState === 'closed') return;
        try {
          const stats = await this.getStats();
          for (const report of stats.values()) {
            if (report.type === 'inbound-rtp' && report.kind === 'audio') {
              if ((report.packetsReceived ?? 0) > 0) {
                marks.audio.push(performance.now());
                return;
              }
            }
          }
        } catch {
          return;
        }
        setTimeout(poll, 2);
      };
      void poll();
    }
  };
}

/** The median of `values`. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Forgets the marks of the calls before (the page's, in place). */
export async function clearMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marks = (window as unknown as { __marks: Marks }).__marks;
    for (const list of Object.values(marks)) list.length = 0;
  });
}

/** The page's marks, once its call is in progress and the first audio packet came in. */
export async function marksOnceHeard(page: Page): Promise<Marks> {
  await waitPhase(page, 'in-call');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __marks: Marks }).__marks.audio.length))
    .toBeGreaterThan(0);
  return page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
}
