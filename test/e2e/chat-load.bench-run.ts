/**
 * The chat under load (`pnpm bench`, not part of CI's tests). The built platform runs as its own
 * process (`dist/main.js`, the demo seed), on SQLite and — when a PostgreSQL server answers on its
 * Unix socket (the private network namespace of the bench has no TCP way out) — on PostgreSQL.
 * 1,000 visitors connect to `/chat` at once from this process (socket.io-client, WebSocket) and
 * each sends a message every 10 s, their starts spread evenly over the 10 s; the two seeded
 * operators (the group the demo chat routes to) sit on `/ops` and answer every message as soon as
 * it arrives, each half of the visitors. Both ends of every latency are in this process, timed
 * with one clock (`performance.now()`).
 *
 * Checked, so a broken chat fails the run: every acknowledged message reached the other side
 * (both operators for a visitor's message, the visitor for a reply) exactly once, and is in the
 * visitor's final `sync` exactly once, sequence numbers 1…n without a gap. Timings are only
 * measured. The platform's memory and CPU come from inside its own process (see
 * chat-load-probe.mjs). Results go to a JSON file (`FRONTDESK_CHAT_LOAD_OUT`, else the cache file
 * scripts/bench.mjs renders into BENCHMARKS.md).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import type { ChatAck, ChatMessage, ChatWelcome } from '../../packages/config/src/index.ts';
import {
  count,
  cpuShare,
  failuresOf,
  latency,
  mib,
  ms,
  percent,
  percentile,
} from './bench-figures.ts';
import {
  engines as benchEngines,
  connectOps,
  type Engine,
  fsyncMs,
  io,
  type Platform,
  type Probe,
  type Socket,
  peakRss as samplePeakRss,
  startPlatform as startBenchPlatform,
} from './bench-platform.ts';

const root = resolve(import.meta.dirname, '../..');
const out =
  process.env.FRONTDESK_CHAT_LOAD_OUT ??
  join(root, 'node_modules/.cache/frontdesk-bench/chat-load.json');

/** Fewer visitors or rounds for a quick try of the runner itself; the report uses the defaults. */
const VISITORS = Number(process.env.FRONTDESK_CHAT_LOAD_VISITORS ?? 1000);
const ROUNDS = Number(process.env.FRONTDESK_CHAT_LOAD_ROUNDS ?? 6);
const PERIOD_MS = 10_000;
/** Visitors that connect and leave before the baseline, so it includes the handshake's code. */
const WARM_UP_VISITORS = 20;
/** The seeded operators, both in the group "Sales" that `demo-chat` routes to. */
const OPERATORS = ['operator@demo.test', 'operator2@demo.test'];
const ACK_TIMEOUT_MS = 30_000;
/** How long after the last send the deliveries may still arrive before they count as lost. */
const DRAIN_MS = 30_000;
/** The timer monitorEventLoopDelay samples with, here and in the platform's probe. */
const LOOP_RESOLUTION_MS = 10;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** The platform on `engine`, every visitor from the bench's one address. */
function startPlatform(engine: Engine): Promise<Platform> {
  return startBenchPlatform(
    engine,
    {
      // Every visitor comes from this one address: the per-address limits of `/chat` step aside.
      CHAT_HANDSHAKE_LIMIT_PER_MINUTE: '1000000',
      CHAT_VISITOR_LIMIT_PER_MINUTE: '1000000',
    },
    cleanups,
  );
}

/** One visitor: its socket and what it got. */
interface Visitor {
  index: number;
  socket: Socket;
  /** Its messages the platform acknowledged, by client id. */
  acked: Map<string, ChatMessage>;
  /** Operator replies received live, by message id: how many times each. */
  replies: Map<string, number>;
  autoReplies: number;
}

/** One operator's `/ops` socket and the visitor messages it got live, by id: how many times each. */
interface Operator {
  index: number;
  socket: Socket;
  received: Map<string, number>;
}

/** Everything one engine's run measured. */
interface Run {
  engine: string;
  connectAllMs: number;
  handshakeMs: number[];
  /** Visitor's `send` → the answering operator's `chat:message`, by round. */
  toOperatorMs: number[][];
  /** Operator's `chat:send` → the visitor's `message`, by the round it answers. */
  toVisitorMs: number[][];
  visitorAckMs: number[];
  operatorAckMs: number[];
  sent: number;
  acked: number;
  replies: number;
  repliesAcked: number;
  failures: string[];
  lostLive: number;
  duplicatesLive: number;
  lostInSync: number;
  duplicatesInSync: number;
  sequenceBreaks: number;
  autoReplies: number;
  /** Sockets that closed before the end, by who and why ("visitor: ping timeout"). */
  dropped: string[];
  memory: { baseline: Probe; connected: Probe; afterMessages: Probe; afterLeaving: Probe };
  peakRss: number;
  serverCpu: number;
  clientCpu: number;
  clientLoopDelayP99Ms: number;
  /** The machine's 1-minute load average when the messages start and when they are through. */
  loadAverage: [number, number];
  messagingMs: number;
  exitCode: number | null;
  errors: string;
}

/** Signs `email` in and connects its `/ops` socket (as the console does) once `hello` arrives. */
async function connectOperator(url: string, email: string, index: number): Promise<Operator> {
  return { index, socket: await connectOps(url, email), received: new Map() };
}

/** Connects a new visitor of `demo-chat`; resolves with its handshake time once `welcome` arrives. */
async function connectVisitor(url: string, index: number): Promise<[Visitor, number]> {
  const started = performance.now();
  const socket = io(`${url}/chat`, {
    transports: ['websocket'],
    auth: { key: 'demo-chat', timeZone: 'Europe/Berlin' },
    forceNew: true,
    // A dropped visitor stays dropped: the run counts it instead of hiding it behind a reconnect.
    reconnection: false,
    timeout: 60_000,
  });
  await new Promise<ChatWelcome>((resolve, reject) => {
    socket.once('welcome', resolve);
    socket.once('connect_error', reject);
  });
  const visitor = { index, socket, acked: new Map(), replies: new Map(), autoReplies: 0 };
  return [visitor, performance.now() - started];
}

const clientIdOf = (visitor: number, round: number) =>
  `visitor${String(visitor).padStart(4, '0')}-m${round}`;
const visitorOf = (clientId: string) => Number(/visitor(\d+)/.exec(clientId)?.[1]);
const roundOf = (clientId: string) => Number(/-m(\d+)$/.exec(clientId)?.[1]);

/** The whole scenario on one engine. */
async function runOn(engine: Engine): Promise<Run> {
  const platform = await startPlatform(engine);
  const rss = samplePeakRss(platform.pid);
  cleanups.push(async () => rss.stop());

  const operators = await Promise.all(
    OPERATORS.map((email, index) => connectOperator(platform.url, email, index)),
  );
  cleanups.push(async () => {
    for (const operator of operators) operator.socket.close();
  });
  for (let i = 0; i < WARM_UP_VISITORS; i++) {
    const [visitor] = await connectVisitor(platform.url, -1);
    visitor.socket.close();
  }
  await delay(1_000);
  const baseline = await platform.probe();

  // All at once: the burst a busy page (or a reconnect after a deploy) brings.
  const connectStart = performance.now();
  const connected = await Promise.all(
    Array.from({ length: VISITORS }, (_, index) => connectVisitor(platform.url, index)),
  );
  const connectAllMs = performance.now() - connectStart;
  const visitors = connected.map(([visitor]) => visitor);
  cleanups.push(async () => {
    for (const visitor of visitors) visitor.socket.close();
  });
  let leaving = false;
  const dropped: string[] = [];

  const sentAt = new Map<string, number>();
  const replySentAt = new Map<string, number>();
  /** Operator replies acknowledged, by client id, with the visitor they answer. */
  const repliesAcked = new Map<string, { visitor: number; message: ChatMessage }>();
  const toOperatorMs = Array.from({ length: ROUNDS }, (): number[] => []);
  const toVisitorMs = Array.from({ length: ROUNDS }, (): number[] => []);
  const visitorAckMs: number[] = [];
  const operatorAckMs: number[] = [];
  const failures: string[] = [];
  let pending = 0;
  let replies = 0;

  for (const visitor of visitors) {
    visitor.socket.on('message', (message: ChatMessage) => {
      const now = performance.now();
      if (message.author === 'auto') visitor.autoReplies++;
      if (message.author !== 'operator') return;
      const times = (visitor.replies.get(message.id) ?? 0) + 1;
      visitor.replies.set(message.id, times);
      const clientId = message.clientId ?? '';
      const sent = replySentAt.get(clientId);
      if (times === 1 && sent !== undefined) toVisitorMs[roundOf(clientId)]?.push(now - sent);
    });
    visitor.socket.on('disconnect', (reason) => {
      if (!leaving) dropped.push(`visitor: ${reason}`);
    });
  }

  /** The operator whose turn it is answers at once, under a client id derived from the message. */
  const answer = async (operator: Operator, message: ChatMessage) => {
    const clientId = `re-${message.clientId}`;
    const visitor = visitorOf(clientId);
    replies++;
    pending++;
    const sent = performance.now();
    replySentAt.set(clientId, sent);
    try {
      const ack: ChatAck<{ message: ChatMessage }> = await operator.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('chat:send', {
          conversationId: message.conversationId,
          clientId,
          text: `Answer to message ${message.seq} of visitor ${visitor + 1}`,
        });
      if (!ack.ok) failures.push(`chat:send ${ack.error.code}`);
      else {
        operatorAckMs.push(performance.now() - sent);
        repliesAcked.set(clientId, { visitor, message: ack.message });
      }
    } catch {
      failures.push('chat:send timed out');
    } finally {
      pending--;
    }
  };
  for (const operator of operators) {
    operator.socket.on('disconnect', (reason) => {
      if (!leaving) dropped.push(`operator: ${reason}`);
    });
    operator.socket.on('chat:message', (message: ChatMessage) => {
      const now = performance.now();
      if (message.author !== 'visitor' || !message.clientId) return;
      const times = (operator.received.get(message.id) ?? 0) + 1;
      operator.received.set(message.id, times);
      const visitor = visitorOf(message.clientId);
      if (times > 1 || visitor % operators.length !== operator.index) return;
      const sent = sentAt.get(message.clientId);
      if (sent !== undefined) toOperatorMs[roundOf(message.clientId)]?.push(now - sent);
      void answer(operator, message);
    });
  }

  const send = async (visitor: Visitor, round: number) => {
    const clientId = clientIdOf(visitor.index, round);
    pending++;
    const sent = performance.now();
    sentAt.set(clientId, sent);
    try {
      const ack: ChatAck<{ message: ChatMessage }> = await visitor.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('send', {
          clientId,
          text: `Message ${round + 1} from visitor ${visitor.index + 1}: is it in stock?`,
        });
      if (!ack.ok) failures.push(`send ${ack.error.code}`);
      else {
        visitorAckMs.push(performance.now() - sent);
        visitor.acked.set(clientId, ack.message);
      }
    } catch {
      failures.push('send timed out');
    } finally {
      pending--;
    }
  };

  /** Whether every acknowledged message has reached the other side (each operator, the visitor). */
  const delivered = () =>
    visitors.every((visitor) =>
      [...visitor.acked.values()].every((message) =>
        operators.every((operator) => operator.received.has(message.id)),
      ),
    ) &&
    [...repliesAcked.values()].every(({ visitor, message }) =>
      visitors[visitor]?.replies.has(message.id),
    );

  await delay(2_000);
  const connectedProbe = await platform.probe();
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const clientCpuStart = process.cpuUsage();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const start = performance.now() + 100;
  const timers = visitors.flatMap((visitor) =>
    Array.from({ length: ROUNDS }, (_, round) =>
      setTimeout(
        () => void send(visitor, round),
        start + round * PERIOD_MS + (visitor.index * PERIOD_MS) / VISITORS - performance.now(),
      ),
    ),
  );
  cleanups.push(async () => {
    for (const timer of timers) clearTimeout(timer);
  });
  await delay(start + ROUNDS * PERIOD_MS - performance.now());
  const deadline = performance.now() + DRAIN_MS;
  while ((pending > 0 || !delivered()) && performance.now() < deadline) await delay(100);
  const messagingMs = performance.now() - start;
  const clientCpu = process.cpuUsage(clientCpuStart);
  const loadAfter = loadavg()[0] ?? Number.NaN;
  loopDelay.disable();
  const afterMessages = await platform.probe();

  let lostLive = 0;
  let duplicatesLive = 0;
  for (const visitor of visitors) {
    for (const message of visitor.acked.values()) {
      for (const operator of operators) {
        const times = operator.received.get(message.id) ?? 0;
        if (times === 0) lostLive++;
        duplicatesLive += Math.max(0, times - 1);
      }
    }
    for (const times of visitor.replies.values()) duplicatesLive += Math.max(0, times - 1);
  }
  for (const { visitor, message } of repliesAcked.values()) {
    if (!visitors[visitor]?.replies.has(message.id)) lostLive++;
  }

  // The database is the truth: each visitor's history from the start, as the widget resyncs.
  let lostInSync = 0;
  let duplicatesInSync = 0;
  let sequenceBreaks = 0;
  const repliesOf = new Map<number, ChatMessage[]>();
  for (const { visitor, message } of repliesAcked.values()) {
    repliesOf.set(visitor, [...(repliesOf.get(visitor) ?? []), message]);
  }
  await Promise.all(
    visitors.map(async (visitor) => {
      const synced: ChatAck<{ messages: ChatMessage[] }> | undefined = await visitor.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('sync', { afterSeq: 0 })
        .catch(() => undefined);
      if (!synced?.ok) {
        failures.push(`sync ${synced?.error.code ?? 'timed out'}`);
        lostInSync += visitor.acked.size + (repliesOf.get(visitor.index)?.length ?? 0);
        return;
      }
      const times = new Map<string, number>();
      for (const message of synced.messages)
        times.set(message.id, (times.get(message.id) ?? 0) + 1);
      for (const count of times.values()) duplicatesInSync += count - 1;
      synced.messages.forEach((message, i) => {
        if (message.seq !== i + 1) sequenceBreaks++;
      });
      const expected = [...visitor.acked.values(), ...(repliesOf.get(visitor.index) ?? [])];
      for (const message of expected) if (!times.has(message.id)) lostInSync++;
    }),
  );

  leaving = true;
  for (const visitor of visitors) visitor.socket.close();
  await delay(3_000);
  const afterLeaving = await platform.probe();
  rss.stop();
  for (const operator of operators) operator.socket.close();
  const exitCode = await platform.stop();
  await engine.remove();

  const sent = visitors.length * ROUNDS;
  return {
    engine: engine.name,
    connectAllMs,
    handshakeMs: connected.map(([, ms]) => ms),
    toOperatorMs,
    toVisitorMs,
    visitorAckMs,
    operatorAckMs,
    sent,
    acked: visitors.reduce((sum, v) => sum + v.acked.size, 0),
    replies,
    repliesAcked: repliesAcked.size,
    failures,
    lostLive,
    duplicatesLive,
    lostInSync,
    duplicatesInSync,
    sequenceBreaks,
    autoReplies: visitors.reduce((sum, v) => sum + v.autoReplies, 0),
    dropped,
    memory: { baseline, connected: connectedProbe, afterMessages, afterLeaving },
    peakRss: rss.peak(),
    serverCpu: cpuShare(afterMessages.cpu, connectedProbe.cpuAfterGc, messagingMs),
    clientCpu: ((clientCpu.user + clientCpu.system) / 1000 / messagingMs) * 100,
    // The histogram holds whole intervals, the timer's own resolution included.
    clientLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loadAverage: [loadBefore, loadAfter],
    messagingMs,
    exitCode,
    errors: platform.errors(),
  };
}

/** p99 of each round's latencies: a stall of the machine shows in one round, saturation in all. */
const perRound = (rounds: number[][]) =>
  `${rounds.map((values) => Math.round(percentile(values, 99)).toLocaleString('en-US')).join(', ')} ms`;
/** Memory a state adds over the baseline, scaled to 1,000 visitors. */
const per1000 = (state: number, baseline: number) => mib(((state - baseline) * 1000) / VISITORS);

/** The table's rows: [measure, one cell per run]. */
function rowsOf(runs: Run[]): string[][] {
  const row = (label: string, cell: (run: Run) => string) => [label, ...runs.map(cell)];
  const memory = (label: string, key: keyof Run['memory']) =>
    row(label, (r) => `${mib(r.memory[key].memory.rss)} / ${mib(r.memory[key].memory.heapUsed)}`);
  return [
    row(`connect ${count(VISITORS)} visitors at once: until the last \`welcome\``, (r) =>
      ms(r.connectAllMs),
    ),
    row(
      'one handshake (open → `welcome`), p50 / p99',
      (r) => `${ms(percentile(r.handshakeMs, 50))} / ${ms(percentile(r.handshakeMs, 99))}`,
    ),
    row('visitor messages sent / acknowledged', (r) => `${count(r.sent)} / ${count(r.acked)}`),
    row(
      'operator replies sent / acknowledged',
      (r) => `${count(r.replies)} / ${count(r.repliesAcked)}`,
    ),
    row('visitor → operator (`send` → `chat:message`), p50 / p99 / max', (r) =>
      latency(r.toOperatorMs.flat()),
    ),
    row('operator → visitor (`chat:send` → `message`), p50 / p99 / max', (r) =>
      latency(r.toVisitorMs.flat()),
    ),
    row(`… visitor → operator p99 in each ${PERIOD_MS / 1000} s round`, (r) =>
      perRound(r.toOperatorMs),
    ),
    row(`… operator → visitor p99 in each ${PERIOD_MS / 1000} s round`, (r) =>
      perRound(r.toVisitorMs),
    ),
    row('visitor `send` → its ack, p50 / p99 / max', (r) => latency(r.visitorAckMs)),
    row('operator `chat:send` → its ack, p50 / p99 / max', (r) => latency(r.operatorAckMs)),
    row(
      'acknowledged messages lost: live / in the final `sync`',
      (r) => `${r.lostLive} / ${r.lostInSync}`,
    ),
    row(
      'duplicates: live / in the final `sync`',
      (r) => `${r.duplicatesLive} / ${r.duplicatesInSync}`,
    ),
    row(
      'requests refused or timed out; sockets dropped; auto-replies received',
      (r) => `${failuresOf(r.failures)}; ${failuresOf(r.dropped)}; ${r.autoReplies}`,
    ),
    memory('server RSS / JS heap: operators on, no visitor (after GC)', 'baseline'),
    memory(`… ${count(VISITORS)} visitors connected, idle`, 'connected'),
    memory('… after the messages, still connected', 'afterMessages'),
    memory('… 3 s after every visitor left', 'afterLeaving'),
    row(
      '**memory per 1,000 connected visitors: RSS / JS heap**',
      (r) =>
        `**${per1000(r.memory.connected.memory.rss, r.memory.baseline.memory.rss)} / ${per1000(
          r.memory.connected.memory.heapUsed,
          r.memory.baseline.memory.heapUsed,
        )}**`,
    ),
    row('server RSS, highest sample (every 0.5 s)', (r) => mib(r.peakRss)),
    row('server CPU while messaging (% of one core)', (r) => percent(r.serverCpu)),
    row('server event-loop delay while messaging, p50 / p99 / max', (r) => {
      const { p50, p99, max } = r.memory.afterMessages.loopDelayMs;
      return `${ms(p50)} / ${ms(p99)} / ${ms(max)}`;
    }),
    row(
      'bench process CPU while messaging (% of one core); its event-loop delay p99',
      (r) => `${percent(r.clientCpu)}; ${ms(r.clientLoopDelayP99Ms)}`,
    ),
    row('machine load average (1 min; 2 cores shared): messages start / end', (r) =>
      r.loadAverage.map((load) => load.toFixed(1)).join(' / '),
    ),
  ];
}

it(`${VISITORS} visitors chatting with two operators`, { timeout: 600_000 }, async () => {
  const runs: Run[] = [];
  const fsync = fsyncMs();
  const engines = await benchEngines();
  for (const engine of engines) {
    const run = await runOn(engine);
    const { handshakeMs, toOperatorMs, toVisitorMs, visitorAckMs, operatorAckMs, ...summary } = run;
    console.log(engine.name, JSON.stringify(summary), {
      toOperator: latency(toOperatorMs.flat()),
      toVisitor: latency(toVisitorMs.flat()),
    });
    runs.push(run);
  }
  for (const run of runs) {
    expect(run.errors, `${run.engine}: the platform's errors`).toBe('');
    expect(run.lostLive + run.lostInSync, `${run.engine}: acknowledged messages lost`).toBe(0);
    expect(run.duplicatesLive + run.duplicatesInSync, `${run.engine}: duplicates`).toBe(0);
    expect(run.sequenceBreaks, `${run.engine}: sequence numbers not 1…n`).toBe(0);
    expect(run.exitCode, `${run.engine}: exit after SIGTERM`).toBe(0);
  }

  const method = `the built platform (\`packages/platform/dist/main.js\`) runs as its own process
with \`SEED_DEMO=1\` — the demo chat \`demo-chat\`, open 24/7, routed to the group of the two seeded
operators, with its auto-replies (15 s and 120 s after an unanswered message) — on ${runs
    .map((r) => r.engine)
    .join(
      ' and on ',
    )} (a fresh data folder${runs.length > 1 ? "; a fresh database on the machine's PostgreSQL server — shared with other work too — over its Unix socket, as the bench's network namespace has no TCP way out" : ''}),
everything on loopback in the bench's private network namespace. SQLite runs in WAL mode with
\`synchronous = FULL\`: every commit waits for its fsync, on the platform's event loop
(better-sqlite3 is synchronous); appending 4 KiB to a file and its fsync took ${ms(fsync[0])}
(median; p99 ${ms(fsync[1])}) on this disk, 100 times before the run. The rate limits stay at their
defaults and none is reached — a visitor may send 30 messages a minute (it sends 6), and the two
operators sign in once each — but for the \`/chat\` handshakes and new visitors per address, raised
(\`CHAT_HANDSHAKE_LIMIT_PER_MINUTE\`, \`CHAT_VISITOR_LIMIT_PER_MINUTE\`) since every visitor comes
from the bench's one address. ${count(VISITORS)}
visitors connect to \`/chat\` at once (socket.io-client, WebSocket transport, each its own
connection, no reconnection); then each sends a message every ${PERIOD_MS / 1000} s,
${ROUNDS} times, the starts spread evenly over the first ${PERIOD_MS / 1000} s (about
${count(Math.round((VISITORS * 1000) / PERIOD_MS))} messages a second, and as many replies). The two operators are on \`/ops\`
(signed in through \`POST /v1/auth/login\`, the session cookie, as the console); both receive every
message, and each answers its half of the visitors with \`chat:send\` as soon as a message arrives.
Visitors and operators live in the bench process, so both ends of a latency are
\`performance.now()\` on one clock; the bench process's own CPU and event-loop delay are shown, so
its share of the two cores is seen (event-loop delay, here and in the platform: how late a
${LOOP_RESOLUTION_MS} ms timer fires, \`monitorEventLoopDelay\`). After the last send, every acknowledged message must reach
the other side (each operator for a visitor's message, the visitor for a reply) once, and be once
in the visitor's \`sync\` from 0, numbered 1…n: the run fails otherwise. The platform's memory is
read inside its process (a preloaded probe answering over IPC; \`--expose-gc\`, two full
collections first): RSS and V8's used heap with the operators and no visitor (after ${WARM_UP_VISITORS}
visitors came and went, so the handshake's code is compiled), with all visitors connected and
idle, after the messages and after everyone left; memory per 1,000 visitors is the connected,
idle state minus that baseline. The machine's two cores are shared with other work, so times
vary from run to run, by far the most in the tails: the load average is shown, and the p99 of each
round tells a stall of the machine (one round) from a platform that cannot keep up (every round). Runner: \`test/e2e/chat-load.bench-run.ts\` (Vitest project \`bench\`).`.replace(
    /\n/g,
    ' ',
  );
  const result = {
    method,
    columns: ['measure', ...runs.map((r) => r.engine)],
    rows: rowsOf(runs),
    runs: runs.map(
      ({ handshakeMs, toOperatorMs, toVisitorMs, visitorAckMs, operatorAckMs, ...r }) => r,
    ),
  };
  console.log(result.rows.map((row) => row.join(' | ')).join('\n'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
});
