/**
 * Messengers under load (`pnpm bench`, not part of CI's tests): customers of Telegram (long poll
 * and webhook), Viber, VK (Bots Long Poll and Callback API) and Facebook Messenger write through
 * the messenger sandbox — 100 messages a second in all, for a minute — to the built platform running as its own process
 * (`dist/main.js`, the demo seed) behind the TLS front the webhooks need; the two seeded
 * operators sit on `/ops`. The channels are data (messenger-load-channels.ts). Timed from the
 * moment a customer's message enters the sandbox (its in-process call, in this process) to each
 * operator's socket receiving `chat:message`, one clock (`performance.now()`).
 *
 * Checked, so a broken channel fails the run: every message reached each operator exactly once,
 * and is stored exactly once (the conversations' `chat:sync` from 0), each customer in one
 * conversation. The platform's memory and CPU come from inside its own process
 * (chat-load-probe.mjs). Results go to a JSON file (`FRONTDESK_MESSENGER_LOAD_OUT`, else the cache
 * file scripts/bench.mjs renders into BENCHMARKS.md).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import {
  type ChatAck,
  type ChatMessage,
  type ChatSettings,
  defaultSettings,
} from '../../packages/config/src/index.ts';
import { templates } from '../../packages/schedule/src/index.ts';
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
  connectOps,
  type Engine,
  engines,
  fsyncMs,
  type Probe,
  peakRss,
  type Socket,
  signIn,
  startPlatform,
} from './bench-platform.ts';
import { LOAD_CHANNELS, type LoadAccount } from './messenger-load-channels.ts';
import { behindFront, startSandboxFront } from './sandbox-front.ts';

const root = resolve(import.meta.dirname, '../..');
const out =
  process.env.FRONTDESK_MESSENGER_LOAD_OUT ??
  join(root, 'node_modules/.cache/frontdesk-bench/messenger-load.json');

/** A lower rate or a shorter run for a quick try of the runner itself; the report uses the defaults. */
const RATE = Number(process.env.FRONTDESK_MESSENGER_LOAD_RATE ?? 100);
const SECONDS = Number(process.env.FRONTDESK_MESSENGER_LOAD_SECONDS ?? 60);
/** Each customer writes once in this period: 6 a minute, within the platform's 30 per customer. */
const PERIOD_MS = 10_000;
const ROUNDS = Math.max(1, Math.round((SECONDS * 1000) / PERIOD_MS));
const CUSTOMERS = Math.round((RATE * PERIOD_MS) / 1000);
/** Bots (pages) per channel, each its own chat widget; a channel's customers are dealt to them in turn. */
const ACCOUNTS_PER_CHANNEL = 2;
/** The seeded operators; widgets without a receiver show to every operator. */
const OPERATORS = ['operator@demo.test', 'operator2@demo.test'];
const ADMIN = 'admin@demo.test';
/**
 * After the last message: how long the deliveries may take at most, and how long nothing may
 * wait in the sandbox with a message still missing before it counts as lost.
 */
const DRAIN_MS = 120_000;
const SETTLE_MS = 5_000;
/** How long the platform may take to start listening to every bot and page. */
const LISTEN_TIMEOUT_MS = 60_000;
const LOOP_RESOLUTION_MS = 10;

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** The text of message `k` (from 0): its number is how the operators' side tells it. */
const textOf = (k: number) => `Order ${k + 1}: is it in stock?`;
const numberOf = (text: string) => {
  const match = /^Order (\d+): /.exec(text);
  return match ? Number(match[1]) - 1 : undefined;
};
/** Warm-up messages, one per bot and page before the baseline, numbered apart. */
const warmUpText = (n: number) => `Warm-up ${n + 1}`;

/** One bot or page, with the channel it belongs to. */
interface Account extends LoadAccount {
  channel: number;
}

/** Everything one engine's run measured. */
interface Run {
  engine: string;
  sent: number;
  /** Sandbox → each operator's `chat:message`, all messages. */
  latencyMs: number[];
  /** The same, by channel (index in LOAD_CHANNELS). */
  byChannelMs: number[][];
  /** The same, by 10 s round. */
  byRoundMs: number[][];
  lostLive: number;
  /** A message under a second id (stored twice), live. */
  duplicatesLive: number;
  /** `chat:message` again for a message (same id) an operator had: a hint repeated, not a message. */
  repeatedEvents: number;
  lostStored: number;
  duplicatesStored: number;
  /** Conversations the customers' messages are in; one per customer when nothing splits. */
  conversations: number;
  customers: number;
  /** Updates still waiting in the sandbox when the drain ended, by channel (late: losses not counted, NaN). */
  waiting: number[];
  webhookFailures: string[];
  failures: string[];
  dropped: string[];
  memory: { baseline: Probe; afterMessages: Probe };
  peakRss: number;
  serverCpu: number;
  clientCpu: number;
  clientLoopDelayP99Ms: number;
  loadAverage: [number, number];
  /** How far behind its schedule the last message was written (the bench process's own lag). */
  sendLagMs: number;
  messagingMs: number;
  exitCode: number | null;
  errors: string;
}

/** A chat widget of the demo account, open 24/7, in English, no auto-replies, with `channels`. */
function widgetSettings(channels: Partial<ChatSettings['channels']>): ChatSettings {
  const defaults = defaultSettings('chat') as ChatSettings;
  return {
    ...defaults,
    locale: 'en',
    allowedOrigins: ['http://127.0.0.1:*'],
    schedule: { ...defaults.schedule, week: templates.always, holidays: false },
    channels: { ...defaults.channels, ...channels },
  };
}

/** Creates the chat widgets through the Studio's API, signed in as the demo admin. */
async function createWidgets(url: string, accounts: Account[]): Promise<void> {
  const { cookie, csrfToken } = await signIn(url, ADMIN);
  for (const [n, account] of accounts.entries()) {
    const response = await fetch(`${url}/v1/admin/widgets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        type: 'chat',
        name: `Messenger bench ${n + 1}`,
        settings: widgetSettings(account.channels),
      }),
    });
    if (response.status !== 201) {
      throw new Error(`creating widget ${n + 1}: ${response.status} ${await response.text()}`);
    }
  }
}

/** The whole scenario on one engine. */
async function runOn(engine: Engine): Promise<Run> {
  const messengers = await startSandboxFront();
  cleanups.push(() => messengers.stop());
  const { front, sandbox } = messengers;
  const platform = await startPlatform(
    engine,
    {
      ...Object.assign({}, ...LOAD_CHANNELS.map((channel) => channel.env(sandbox))),
      ...behindFront(messengers),
    },
    cleanups,
  );
  front.target(platform.url);

  const accounts: Account[] = LOAD_CHANNELS.flatMap((channel, c) =>
    Array.from({ length: ACCOUNTS_PER_CHANNEL }, (_, n) => ({
      ...channel.account(sandbox, n + 1),
      channel: c,
    })),
  );
  const webhookFailures: string[] = [];
  for (const account of accounts) {
    const unwatch = account.watch((message) => webhookFailures.push(message));
    cleanups.push(async () => unwatch());
  }
  for (const channel of LOAD_CHANNELS) await channel.connect?.(sandbox, front.url);
  await createWidgets(platform.url, accounts);
  await Promise.all(accounts.map((account) => account.listening(LISTEN_TIMEOUT_MS)));

  const operators: Socket[] = [];
  for (const email of OPERATORS) operators.push(await connectOps(platform.url, email));
  cleanups.push(async () => {
    for (const socket of operators) socket.close();
  });
  let leaving = false;
  const dropped: string[] = [];
  const sentAt: number[] = [];
  const channelOf: number[] = [];
  const customerOf: number[] = [];
  /** Per operator: how many times each message arrived. */
  const received = operators.map(() => new Map<number, number>());
  /** Per operator: the stored ids each message arrived under (two: it was stored twice). */
  const idsOf = operators.map(() => new Map<number, Set<string>>());
  const warmUps = operators.map(() => new Set<number>());
  const conversationIds = new Set<string>();
  const latencyMs: number[] = [];
  const byChannelMs = LOAD_CHANNELS.map((): number[] => []);
  const byRoundMs = Array.from({ length: ROUNDS }, (): number[] => []);
  for (const [o, socket] of operators.entries()) {
    socket.on('disconnect', (reason) => {
      if (!leaving) dropped.push(`operator: ${reason}`);
    });
    socket.on('chat:conversation', (summary: { id: string }) => conversationIds.add(summary.id));
    socket.on('chat:message', (message: ChatMessage) => {
      const now = performance.now();
      if (message.author !== 'visitor') return;
      conversationIds.add(message.conversationId);
      const warm = /^Warm-up (\d+)$/.exec(message.text);
      if (warm) warmUps[o]?.add(Number(warm[1]) - 1);
      const k = numberOf(message.text);
      if (k === undefined) return;
      const times = (received[o]?.get(k) ?? 0) + 1;
      received[o]?.set(k, times);
      idsOf[o]?.set(k, (idsOf[o]?.get(k) ?? new Set<string>()).add(message.id));
      const sent = sentAt[k];
      if (times > 1 || sent === undefined) return;
      latencyMs.push(now - sent);
      byChannelMs[channelOf[k] ?? 0]?.push(now - sent);
      byRoundMs[Math.floor(k / CUSTOMERS)]?.push(now - sent);
    });
  }

  // One message per bot and page first, so that every path has run once before the baseline.
  for (const [n, account] of accounts.entries()) account.customer(0)(warmUpText(n));
  const warmDeadline = performance.now() + DRAIN_MS;
  while (warmUps.some((seen) => seen.size < accounts.length)) {
    if (performance.now() > warmDeadline) throw new Error('the warm-up messages did not arrive');
    await delay(100);
  }
  await delay(2_000);
  const baseline = await platform.probe();

  // Customer c writes to channel c mod the channels' count (so each second mixes them all), to
  // that channel's bots in turn; customer numbers from 1 (0 wrote the warm-up).
  const writers = Array.from({ length: CUSTOMERS }, (_, c) => {
    const channel = c % LOAD_CHANNELS.length;
    const nth = Math.floor(c / LOAD_CHANNELS.length);
    const ofChannel = accounts.filter((account) => account.channel === channel);
    const account = ofChannel[nth % ofChannel.length] as Account;
    return { channel, write: account.customer(Math.floor(nth / ofChannel.length) + 1) };
  });
  const failures: string[] = [];
  const rss = peakRss(platform.pid);
  cleanups.push(async () => rss.stop());
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const clientCpuStart = process.cpuUsage();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const total = CUSTOMERS * ROUNDS;
  const start = performance.now() + 100;
  const due = (k: number) => start + (k * PERIOD_MS) / CUSTOMERS;
  // One pacing loop rather than a timer per message: each turn writes every message now due.
  let next = 0;
  let sendLagMs = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && due(next) <= now) {
      const c = next % CUSTOMERS;
      const writer = writers[c];
      if (!writer) throw new Error(`no customer ${c}`);
      channelOf[next] = writer.channel;
      customerOf[next] = c;
      const at = performance.now();
      sentAt[next] = at;
      sendLagMs = at - due(next);
      try {
        writer.write(textOf(next));
      } catch (error) {
        failures.push(`write: ${(error as Error).message}`);
      }
      next++;
    }
    await delay(Math.max(0, Math.min(5, due(next) - performance.now())));
  }
  const delivered = () => received.every((times) => sentAt.every((_, k) => times.has(k)));
  const waitingNow = () =>
    LOAD_CHANNELS.map((_, c) =>
      accounts
        .filter((account) => account.channel === c)
        .reduce((sum, account) => sum + account.waiting(), 0),
    );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // Until everything arrived and was confirmed to the sandbox (the operators hear of a message
  // before its webhook's answer is back: one in flight then is not late); or nothing has waited
  // in the sandbox for a while (the platform took every update: what is missing then is lost); or
  // the drain's end (what waits is late).
  const deadline = performance.now() + DRAIN_MS;
  let settledAt = Number.POSITIVE_INFINITY;
  while (performance.now() < deadline) {
    const waits = sum(waitingNow()) > 0;
    if (!waits && delivered()) break;
    if (waits) settledAt = Number.POSITIVE_INFINITY;
    else settledAt = Math.min(settledAt, performance.now());
    if (performance.now() - settledAt > SETTLE_MS) break;
    await delay(100);
  }
  const messagingMs = performance.now() - start;
  // Failures from here on are the platform's shutdown (503 while closing), not the load's.
  const failedDeliveries = [...webhookFailures];
  const waiting = waitingNow();
  let lostLive = 0;
  let duplicatesLive = 0;
  let repeatedEvents = 0;
  for (const [o, times] of received.entries()) {
    for (let k = 0; k < total; k++) {
      const n = times.get(k) ?? 0;
      const ids = idsOf[o]?.get(k)?.size ?? 0;
      if (n === 0) lostLive++;
      // A second id is a second message; the same id again is an event repeated (the console
      // keeps one message per id), counted apart.
      duplicatesLive += Math.max(0, ids - 1);
      repeatedEvents += n - ids;
    }
  }

  const clientCpu = process.cpuUsage(clientCpuStart);
  const loadAfter = loadavg()[0] ?? Number.NaN;
  loopDelay.disable();
  const afterMessages = await platform.probe();

  // The database is the truth: every conversation the operators heard of, from the start.
  const stored = new Map<number, number>();
  const conversationsOfCustomer = new Map<number, Set<string>>();
  const [reader] = operators;
  const sync = async (id: string) => {
    const synced: ChatAck<{ messages: ChatMessage[] }> | undefined = await reader
      ?.timeout(30_000)
      .emitWithAck('chat:sync', { conversationId: id, afterSeq: 0 })
      .catch(() => undefined);
    if (!synced?.ok) {
      failures.push(`chat:sync ${synced?.error.code ?? 'timed out'}`);
      return;
    }
    for (const message of synced.messages) {
      const k = message.author === 'visitor' ? numberOf(message.text) : undefined;
      if (k === undefined) continue;
      stored.set(k, (stored.get(k) ?? 0) + 1);
      const customer = customerOf[k] ?? -1;
      const seen = conversationsOfCustomer.get(customer) ?? new Set<string>();
      seen.add(id);
      conversationsOfCustomer.set(customer, seen);
    }
  };
  // A few at a time, as a console reopening its conversations would.
  const ids = [...conversationIds];
  for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map(sync));
  let lostStored = 0;
  let duplicatesStored = 0;
  for (let k = 0; k < total; k++) {
    const n = stored.get(k) ?? 0;
    if (n === 0) lostStored++;
    duplicatesStored += Math.max(0, n - 1);
  }
  // While updates were late, deliveries went on during the checks: the counts would not be exact.
  const late = sum(waiting) > 0;
  if (late) {
    lostLive = Number.NaN;
    lostStored = Number.NaN;
  }

  leaving = true;
  rss.stop();
  for (const socket of operators) socket.close();
  const exitCode = await platform.stop();
  await messengers.stop();
  await engine.remove();
  return {
    engine: engine.name,
    sent: total,
    latencyMs,
    byChannelMs,
    byRoundMs,
    lostLive,
    duplicatesLive,
    repeatedEvents,
    lostStored,
    duplicatesStored,
    conversations: [...conversationsOfCustomer.values()].reduce((sum, ids) => sum + ids.size, 0),
    customers: conversationsOfCustomer.size,
    waiting,
    webhookFailures: failedDeliveries,
    failures,
    dropped,
    memory: { baseline, afterMessages },
    peakRss: rss.peak(),
    serverCpu: cpuShare(afterMessages.cpu, baseline.cpuAfterGc, messagingMs),
    clientCpu: ((clientCpu.user + clientCpu.system) / 1000 / messagingMs) * 100,
    clientLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS),
    loadAverage: [loadBefore, loadAfter],
    sendLagMs,
    messagingMs,
    exitCode,
    errors: platform.errors(),
  };
}

/** p99 of each round's latencies: a stall of the machine shows in one round, saturation in all. */
const perRound = (rounds: number[][]) =>
  `${rounds.map((values) => Math.round(percentile(values, 99)).toLocaleString('en-US')).join(', ')} ms`;

/** The table's rows: [measure, one cell per run]. */
function rowsOf(runs: Run[]): string[][] {
  const row = (label: string, cell: (run: Run) => string) => [label, ...runs.map(cell)];
  const memory = (label: string, key: keyof Run['memory']) =>
    row(label, (r) => `${mib(r.memory[key].memory.rss)} / ${mib(r.memory[key].memory.heapUsed)}`);
  return [
    row(
      `messages written in the sandbox (${RATE} a second for ${ROUNDS * (PERIOD_MS / 1000)} s) / customers`,
      (r) => `${count(r.sent)} / ${count(CUSTOMERS)}`,
    ),
    row(
      '**sandbox → operator’s `chat:message`, p50 / p99 / max**',
      (r) => `**${latency(r.latencyMs)}**`,
    ),
    ...LOAD_CHANNELS.map((channel, c) =>
      row(`… ${channel.name}`, (r) => latency(r.byChannelMs[c] ?? [])),
    ),
    row(`… p99 in each ${PERIOD_MS / 1000} s round`, (r) => perRound(r.byRoundMs)),
    row('**lost: live (both operators) / stored (`chat:sync`)**', (r) =>
      Number.isNaN(r.lostLive)
        ? 'not counted: messages were late'
        : `**${r.lostLive} / ${r.lostStored}**`,
    ),
    row(
      '**duplicated (a second stored message): live / stored**',
      (r) => `**${r.duplicatesLive} / ${r.duplicatesStored}**`,
    ),
    row(
      `late: still waiting in the sandbox when the drain ended (${LOAD_CHANNELS.map((channel) => channel.name).join(' / ')})`,
      (r) => r.waiting.join(' / '),
    ),
    row(
      '`chat:message` repeated for a message an operator had (same id; the console keeps one)',
      (r) => count(r.repeatedEvents),
    ),
    row('conversations / customers', (r) => `${count(r.conversations)} / ${count(r.customers)}`),
    row(
      'webhook deliveries failed (and retried); writes failed; sockets dropped',
      (r) =>
        `${failuresOf(r.webhookFailures)}; ${failuresOf(r.failures)}; ${failuresOf(r.dropped)}`,
    ),
    memory('server RSS / JS heap after the warm-up (after GC)', 'baseline'),
    memory('… after the messages (after GC)', 'afterMessages'),
    row('server RSS while messaging, highest sample (every 0.5 s)', (r) => mib(r.peakRss)),
    row('**server CPU while messaging (% of one core)**', (r) => `**${percent(r.serverCpu)}**`),
    row('server event-loop delay while messaging, p50 / p99 / max', (r) => {
      const { p50, p99, max } = r.memory.afterMessages.loopDelayMs;
      return `${ms(p50)} / ${ms(p99)} / ${ms(max)}`;
    }),
    row(
      'bench process (sandbox, TLS front, operators) CPU (% of one core); its event-loop delay p99',
      (r) => `${percent(r.clientCpu)}; ${ms(r.clientLoopDelayP99Ms)}`,
    ),
    row('machine load average (1 min; 2 cores shared): messages start / end', (r) =>
      r.loadAverage.map((load) => load.toFixed(1)).join(' / '),
    ),
  ];
}

it(`${RATE} messenger messages a second for ${SECONDS} s`, { timeout: 900_000 }, async () => {
  const runs: Run[] = [];
  const fsync = fsyncMs();
  for (const engine of await engines()) {
    const run = await runOn(engine);
    const { latencyMs, byChannelMs, byRoundMs, ...summary } = run;
    console.log(engine.name, JSON.stringify(summary), { latency: latency(latencyMs) });
    runs.push(run);
  }
  const names = LOAD_CHANNELS.map((channel) => channel.name);
  const method = `the built platform (\`packages/platform/dist/main.js\`) runs as its own process
with \`SEED_DEMO=1\` on ${runs.map((r) => r.engine).join(' and on ')} (a fresh data folder${
    runs.length > 1
      ? '; a fresh database on the machine’s PostgreSQL server over its Unix socket'
      : ''
  }; SQLite's fsync of 4 KiB took ${ms(fsync[0])}, p99 ${ms(fsync[1])}, on this disk), behind the
TLS front (\`PUBLIC_URL\` its https; a throwaway CA the messenger sandbox trusts), everything on
loopback in the bench's private network namespace. The messenger sandbox
(\`packages/messenger-sandbox\`, in the bench process) stands in for each messenger's API, and
the platform hears each channel as in production: ${names.join('; ')}. The channels are a list of
entries in \`test/e2e/messenger-load-channels.ts\` (how the bot or page is made in the sandbox,
the widget's channel settings, how a customer writes), so a new messenger is one more entry;
${ACCOUNTS_PER_CHANNEL} bots (pages) per channel, each the channel of its own chat widget made through
the Studio's API (\`POST /v1/admin/widgets\` as the demo admin; open 24/7, no auto-replies, no
receiver: every operator sees it). ${count(CUSTOMERS)} customers are dealt to the channels in turn
(so every second mixes them all) and to each channel's bots in turn; each writes once every
${PERIOD_MS / 1000} s, ${ROUNDS} times, the starts spread evenly: ${RATE} messages a second in
all, about ${Math.round(RATE / LOAD_CHANNELS.length)} a second per channel and
${Math.round(RATE / LOAD_CHANNELS.length / ACCOUNTS_PER_CHANNEL)} per bot or page. Rate limits:
a customer writes 6 messages a minute, within the platform's own 30 per customer
(\`CHAT_LIMIT_PER_MINUTE\`, at its default); the messengers limit what a bot or page sends
(Telegram about 30 messages a second per bot and one a second per chat), and this load sends
nothing back — no auto-reply, no operator reply — so none is reached and none of the sandbox's
rate-limit faults is set; what a bot receives has no documented limit, and a few messages a
second per bot or page is well within a busy one's day. The sandbox delivers each webhook one at
a time and in order — per bot for Telegram and Viber, per callback server for VK, for the whole
app (every page) on Facebook — each retried until a 2xx (VK: until the answer is \`ok\`); VK's
long poll keeps its events until the poller asks past them; the real services may open more connections at once
(Telegram up to \`max_connections\`) and Facebook batches events, so the sandbox is the
stricter. A warm-up message from each bot and page runs every path once
before the baseline. Two operators (the seeded ones) are on \`/ops\` (signed in through
\`POST /v1/auth/login\`, as the console); the latency is from the customer's message entering the
sandbox (the in-process call that adds it to the messenger's updates) to each operator's socket
receiving \`chat:message\`, both in the bench process on one clock. After the last message the
bench waits until every message arrived, or nothing has waited in the sandbox for ${SETTLE_MS / 1000} s
(the platform took every update: what is missing is lost), at most ${DRAIN_MS / 1000} s (what still
waits in the sandbox then is late: the platform did not keep up, and as deliveries go on, losses are not counted). The run fails unless nothing is
late and every message reached each operator under one id (a repeated \`chat:message\` of the
same id — events are hints, the console keeps one message per id — is counted apart) and is
stored exactly once (each conversation the
operators heard of, \`chat:sync\` from 0), each customer in one conversation, and the platform
logged no error. The platform's CPU, event-loop delay (how late a ${LOOP_RESOLUTION_MS} ms timer
fires, \`monitorEventLoopDelay\`) and memory come from inside its process (a preloaded probe over
IPC, \`--expose-gc\`, two full collections before each reading); the bench process — the sandbox,
the TLS front and the operators — shares the machine's two cores, so its CPU is shown too.
Runner: \`test/e2e/messenger-load.bench-run.ts\` (Vitest project \`bench\`).`.replace(/\n/g, ' ');
  const result = {
    method,
    columns: ['measure', ...runs.map((r) => r.engine)],
    rows: rowsOf(runs),
    runs: runs.map(({ latencyMs, byChannelMs, byRoundMs, ...r }) => r),
  };
  console.log(result.rows.map((row) => row.join(' | ')).join('\n'));
  for (const run of runs) {
    expect(run.errors, `${run.engine}: the platform's errors`).toBe('');
    expect(run.failures, `${run.engine}: failures`).toEqual([]);
    expect(run.waiting, `${run.engine}: the platform did not keep up: late`).toEqual(
      LOAD_CHANNELS.map(() => 0),
    );
    expect(run.lostLive + run.lostStored, `${run.engine}: messages lost`).toBe(0);
    expect(run.duplicatesLive + run.duplicatesStored, `${run.engine}: duplicates`).toBe(0);
    expect(run.conversations, `${run.engine}: conversations split`).toBe(run.customers);
    expect(run.exitCode, `${run.engine}: exit after SIGTERM`).toBe(0);
  }

  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
});
