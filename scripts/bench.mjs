// `pnpm bench`: measures, never types in. Runs each benchmark of the workspace against the built
// packages and rewrites BENCHMARKS.md with the machine, the date and the method.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { callbackSlots, createSchedule, isOpen, templates } from '@frontdesk/schedule';

/** Runs `fn` for about `ms` milliseconds after a warm-up; returns operations per second. */
function throughput(fn, ms = 1500) {
  for (let i = 0; i < 200; i++) fn(i);
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 100; i++) fn(n++);
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

const office = createSchedule({
  timeZone: 'Europe/Moscow',
  week: templates.standard,
  lunch: { from: '13:00', to: '14:00' },
  holidays: true,
  preHoliday: true,
});
const base = Date.parse('2026-03-02T00:00:00Z');
// Each call moves `now` by 7 minutes, so results are not served from one cached day only.
const at = (i) => new Date(base + ((i * 7) % (60 * 24 * 90)) * 60_000);

const rows = [
  [
    'callbackSlots (3 days, standard week, ru calendar)',
    throughput((i) => callbackSlots(office, at(i))),
  ],
  ['isOpen (standard week, ru calendar)', throughput((i) => isOpen(office, at(i)))],
  [
    'createSchedule + callbackSlots (cold schedule)',
    throughput((i) =>
      callbackSlots(
        createSchedule({ timeZone: 'America/New_York', week: templates.standard, holidays: true }),
        at(i),
      ),
    ),
  ],
];

// The call benchmark: the e2e stage (platform, Kamailio, demo site, two Chromium processes) in a
// private network namespace (needs root), run by Vitest's `bench` project; it writes a JSON file
// this script renders. A stale file from an earlier run is removed first, so a failed run fails.
const root = fileURLToPath(new URL('..', import.meta.url));
const callJson = fileURLToPath(
  new URL('../node_modules/.cache/frontdesk-bench/call.json', import.meta.url),
);
rmSync(callJson, { force: true });
const run = spawnSync(
  'sh',
  ['test/e2e/netns.sh', 'node_modules/.bin/vitest', 'run', '--project', 'bench'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FRONTDESK_BENCH_OUT: callJson } },
);
if (run.status !== 0) {
  console.error(`the call benchmark failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const callResult = JSON.parse(readFileSync(callJson, 'utf8'));
const ms = (value) => `${Math.round(value)} ms`;
const range = ([min, max]) => `${Math.round(min)}–${Math.round(max)} ms`;
const kib = (bytes) =>
  `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;
const callTable = [
  `| measure (median of calls 1–${callResult.timedCalls}) | median | min–max |`,
  '|---|---:|---:|',
  `| click → INVITE sent | ${ms(callResult.medians.clickToInvite)} | ${range(callResult.ranges.clickToInvite)} |`,
  `| INVITE → established (200 OK received) | ${ms(callResult.medians.inviteToEstablished)} | ${range(callResult.ranges.inviteToEstablished)} |`,
  `| INVITE → first audio packet received | ${ms(callResult.medians.inviteToAudio)} | ${range(callResult.ranges.inviteToAudio)} |`,
].join('\n');
const heapTable = [
  '| visitor page JS heap (after GC) | value |',
  '|---|---:|',
  `| after call 1 | ${kib(callResult.heap.afterFirst)} |`,
  `| after call ${callResult.timedCalls} | ${kib(callResult.heap.afterTimed)} |`,
  `| after call ${callResult.calls} | ${kib(callResult.heap.afterLast)} |`,
  `| growth per call, calls 1→${callResult.calls} (average) | ${kib(callResult.heap.perCall)} |`,
  `| growth per call, last 10 calls (least-squares slope) | ${kib(callResult.heap.slopeLast10)} |`,
  `| growth call 1→${callResult.calls} in the heap snapshots: V8's compiled code | ${kib(callResult.heap.snapshotGrowth.code)} |`,
  `| growth call 1→${callResult.calls} in the heap snapshots: everything else | ${kib(callResult.heap.snapshotGrowth.rest)} |`,
].join('\n');
const liveKinds = Object.keys(callResult.live[0]);
const liveTable = [
  `| alive after GC | ${liveKinds.join(' | ')} |`,
  `|---|${liveKinds.map(() => '---:').join('|')}|`,
  ...[1, callResult.timedCalls, callResult.calls].map(
    (n) =>
      `| after call ${n} | ${liveKinds.map((kind) => callResult.live[n - 1][kind]).join(' | ')} |`,
  ),
  `| most during the run | ${liveKinds.map((kind) => Math.max(...callResult.live.map((c) => c[kind]))).join(' | ')} |`,
].join('\n');
console.log(callTable);
console.log(heapTable);
console.log(liveTable);

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  '| operation | ops/s |',
  '|---|---:|',
  ...rows.map(([name, ops]) => `| ${name} | ${Math.round(ops).toLocaleString('en-US')} |`),
].join('\n');
console.log(table);
writeFileSync(
  new URL('../BENCHMARKS.md', import.meta.url),
  `# Benchmarks

Regenerated by \`pnpm bench\` (scripts/bench.mjs); every number is measured in that run.

- Machine: ${machine}
- Date: ${new Date().toISOString().slice(0, 10)}

## Schedule engine (@frontdesk/schedule, built ESM)

Method: each operation runs in a loop for 1.5 s after 200 warm-up calls, \`now\` moving by
7 minutes per call over 90 days.

${table}

## Call from the site (visitor → SIP edge → operator's console)

Method: the end-to-end stage of \`test/e2e/call.e2e.test.ts\` (platform with its SIP edge —
Kamailio —, the demo site, the built widgets), all on loopback in a private network namespace;
two headless Chromium ${callResult.chromium} processes with fake tone microphones. One visitor
page places ${callResult.calls} calls in a row: it presses the call button, the operator's console
(signed in, softphone registered) answers as soon as the call rings, the call is held
${callResult.holdMs / 1000} s, the visitor hangs up. Times come from \`performance.now()\` inside the
visitor page: the call button's click, the first SIP INVITE sent on its WebSocket, the 200 OK to
it received, and the first \`getStats()\` poll (every few ms) showing an inbound audio RTP packet.
The first call includes loading the sip.js chunk and the microphone's first start. The heap is
\`performance.memory.usedJSHeapSize\` (\`--enable-precise-memory-info\`) after two forced
collections (CDP \`HeapProfiler.collectGarbage\`), read after every call, together with the
number of call objects still alive (CDP \`Runtime.queryObjects\`: peer connections, media
streams, WebSockets, audio contexts); heap snapshots after the first and the last call split the
growth into V8's compiled code (hot functions being optimised, which levels off) and everything
else (what calls leave behind). The run fails if a peer connection or a WebSocket outlives its
call. Runner: \`test/e2e/call.bench-run.ts\` (Vitest project \`bench\`).

${callTable}

${heapTable}

Heap after each call (KiB): ${callResult.heap.afterEach.map((b) => Math.round(b / 1024)).join(', ')}.

${liveTable}

The widget keeps one audio context (for the ringback) for its lifetime; media streams are
released by Chromium's media thread a few calls later, so their count moves within a small bound.
`,
);
