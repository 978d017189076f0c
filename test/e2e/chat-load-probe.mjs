// Preloaded into the platform's own process by the chat load benchmark (`node --expose-gc
// --import` this file): over the IPC channel the benchmark opened, it answers with the process's
// CPU time, how late its event loop ran since the last answer, and its memory after full garbage
// collections. The numbers are the platform's own, and the platform needs no endpoint for them.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loop.enable();
/** How late the loop ran: the histogram holds whole intervals, the timer's own 10 ms included. */
const late = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

process.on('message', (request) => {
  if (request !== 'probe') return;
  // The window since the last answer ends here; the collections below belong to neither window.
  const cpu = process.cpuUsage();
  const loopDelayMs = {
    p50: late(loop.percentile(50)),
    p99: late(loop.percentile(99)),
    max: late(loop.max),
  };
  globalThis.gc?.();
  globalThis.gc?.();
  const memory = process.memoryUsage();
  loop.reset();
  process.send?.({ cpu, cpuAfterGc: process.cpuUsage(), loopDelayMs, memory });
});
