// `pnpm bench`: measures, never types in. Runs each benchmark of the workspace against the built
// packages and rewrites BENCHMARKS.md with the machine, the date and the method.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { callbackSlots, createSchedule, isOpen, templates } from '@frontdesk/schedule';
import { wireSection } from './bench-wire.mjs';

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

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('../node_modules/.cache/frontdesk-bench/', import.meta.url));

// Bytes: what a visitor's browser downloads at each stage of our widgets (the bundles the
// root package.json's size-limit entries name, read from it so the stages are listed once),
// next to the shipped browser bundles of the anchors fetched from npm now, compressed alike.

/** Sizes of `files`, each compressed on its own (each is its own response): raw, gzip -9, brotli 11. */
function sizes(files) {
  const total = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const data = readFileSync(file);
    total.raw += data.length;
    total.gzip += gzipSync(data, { level: zlib.Z_BEST_COMPRESSION }).length;
    total.brotli += brotliCompressSync(data, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length;
  }
  return total;
}

/** The files `pattern` names under `dir`; `*` (in the last path segment only) matches a hash. */
function glob(dir, pattern) {
  const folder = join(dir, dirname(pattern));
  const name = new RegExp(
    `^${basename(pattern)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => name.test(file))
    .sort()
    .map((file) => join(folder, file));
}

/** The stage a size-limit entry measures, by its name: [widget or "all", stage]. */
function stageOf(name) {
  if (name === 'loader') return ['all', 'loader'];
  const match = /^(call|callback|chat) (launcher|opened|sip\.js)\b/.exec(name);
  if (!match) return undefined;
  return [match[1], match[2] === 'sip.js' ? 'sip.js chunk' : match[2]];
}

const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Each size-limit entry measured; `size` is undefined while a pattern matches nothing. */
const ours = rootPackage['size-limit'].map((entry) => {
  const patterns = [entry.path].flat();
  const matches = patterns.map((pattern) => glob(root, pattern));
  return {
    name: entry.name,
    stage: stageOf(entry.name),
    size: matches.every((files) => files.length > 0) ? sizes(matches.flat()) : undefined,
  };
});
/** Our size at `stage` for `widget` (the loader is the same for all). */
const ourSize = (widget, stage) =>
  ours.find(({ stage: s }) => s && s[1] === stage && (s[0] === widget || s[0] === 'all'))?.size;

/** `spec` (name@version or name@latest) unpacked into the cache; its folder and exact version. */
function fetchPackage(spec) {
  const at = spec.lastIndexOf('@');
  const name = spec.slice(0, at);
  const npm = (...args) => {
    const result = spawnSync('npm', args, { cwd: benchDir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
  };
  const version = JSON.parse(npm('view', spec, 'version', '--json'));
  const dir = join(benchDir, 'anchors', `${name.replace('/', '+')}@${version}`);
  if (!existsSync(join(dir, 'package', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    const [packed] = JSON.parse(
      npm('pack', `${name}@${version}`, '--json', '--pack-destination', dir),
    );
    const tar = spawnSync('tar', ['xzf', join(dir, packed.filename), '-C', dir]);
    if (tar.status !== 0) throw new Error(`tar could not unpack ${packed.filename}`);
  }
  return { dir: join(dir, 'package'), version: `${name}@${version}` };
}

/**
 * The anchors' shipped browser files, by stage: [stage, what is counted, files, a note for the
 * ratios]. Rocket.Chat's loader script adds an iframe at once, whose page (index.html) loads its
 * scripts and the chunks its entry imports at start; the rest of its chunks (routes, languages)
 * load later, so all of them is the upper bound of "opened". Papercups ships one ES module
 * (React, a peer dependency, and the chat window, an iframe from Papercups' servers, are not in
 * it), counted without and with React. Crisp's SDK is only the loader of Crisp's hosted client.
 */
const anchors = [
  {
    spec: '@rocket.chat/livechat@1.13.3',
    stages(dir) {
      const build = join(dir, 'build');
      const page = readFileSync(join(build, 'index.html'), 'utf8');
      const scripts = [...page.matchAll(/<script src="livechat\/([^"]+)"/g)].map(([, file]) =>
        join(build, file),
      );
      const entry = readFileSync(scripts.at(-1) ?? '', 'utf8');
      const started = /Promise\.all\(\[((?:\w\.e\(\d+\),?)+)\]\)/.exec(entry)?.[1];
      if (!started) throw new Error('Rocket.Chat livechat: no start-up chunks in its entry');
      const chunks = [...started.matchAll(/\((\d+)\)/g)].flatMap(([, id]) => [
        ...glob(build, `${id}.chunk.*.js`),
        ...glob(build, `${id}.chunk.*.css`),
      ]);
      const loader = [join(build, 'rocketchat-livechat.min.js')];
      const startUp = [...loader, join(build, 'index.html'), ...scripts, ...chunks];
      const everything = [
        ...startUp,
        ...readdirSync(build)
          .filter((file) => /\.(js|css)$/.test(file))
          .map((file) => join(build, file))
          .filter((file) => !startUp.includes(file)),
      ];
      return [
        ['loader', 'loader script', loader],
        [
          'launcher',
          'loader + iframe start-up (index.html, its scripts, the chunks its entry imports)',
          startUp,
        ],
        [
          'opened',
          'loader + every script and stylesheet of the iframe app (upper bound)',
          everything,
        ],
      ];
    },
  },
  {
    spec: '@papercups-io/chat-widget@latest',
    stages(dir) {
      const bundle = [moduleOf(dir)];
      // Its peer dependency, for a site that does not run React already: the last React 17.
      const react = ['react', 'react-dom'].map((name) =>
        join(fetchPackage(`${name}@17.0.2`).dir, 'umd', `${name}.production.min.js`),
      );
      return [
        ['launcher', "its browser bundle (the package's ES module), on a React site", bundle],
        [
          'launcher',
          'the same with React 17 and ReactDOM 17 (UMD production builds)',
          [...bundle, ...react],
          '+ React 17',
        ],
      ];
    },
  },
  {
    spec: 'crisp-sdk-web@latest',
    stages: (dir) => [['loader', "the SDK loader (the package's ES module)", [moduleOf(dir)]]],
  },
];

/** The ES module a package ships for bundlers and browsers. */
function moduleOf(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return join(dir, manifest.module ?? manifest.main);
}

mkdirSync(benchDir, { recursive: true });
const anchorRows = anchors.flatMap(({ spec, stages }) => {
  const { dir, version } = fetchPackage(spec);
  return stages(dir).map(([stage, what, files, note]) => ({
    version,
    note,
    stage,
    what,
    // Another package's file (React for Papercups) is named with that package.
    counted: files.map((file) =>
      file.startsWith(dir)
        ? relative(dir, file)
        : relative(join(benchDir, 'anchors'), file).replace('/package/', '/'),
    ),
    size: sizes(files),
  }));
});

// The benchmarks on the e2e stage (platform, Kamailio, demo site, Chromium) run in a private
// network namespace (needs root) as Vitest's `bench` project, once for all its files; each
// writes a JSON file into the cache folder that this script renders. Files from an earlier run
// are removed first, so a failed run fails instead of showing old numbers.
const callJson = join(benchDir, 'call.json');
const hostPageJson = join(benchDir, 'host-page.json');
/** The shop page's bytes from the platform: written by test/e2e/wire-bytes.bench-run.ts. */
const wireJson = join(benchDir, 'wire-bytes.json');
/** Chat delivery latency under load: written by the chat's own runner in the same project. */
const chatLoadJson = join(benchDir, 'chat-load.json');
/** Messenger customers under load: written by test/e2e/messenger-load.bench-run.ts. */
const messengerLoadJson = join(benchDir, 'messenger-load.json');
/** Calls through a trunk to a phone: written by test/e2e/trunk-call.bench-run.ts. */
const trunkCallJson = join(benchDir, 'trunk-call.json');
/** The call history and the address book at size: written by test/e2e/history.bench-run.ts. */
const historyJson = join(benchDir, 'history.json');
/** The automatic callback's calls: written by test/e2e/auto-callback.bench-run.ts. */
const autoCallbackJson = join(benchDir, 'auto-callback.json');
for (const file of [
  callJson,
  hostPageJson,
  wireJson,
  chatLoadJson,
  messengerLoadJson,
  trunkCallJson,
  historyJson,
  autoCallbackJson,
]) {
  rmSync(file, { force: true });
}
const run = spawnSync(
  'sh',
  ['test/e2e/netns.sh', 'node_modules/.bin/vitest', 'run', '--project', 'bench'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FRONTDESK_BENCH_OUT: callJson } },
);
if (run.status !== 0) {
  console.error(`the benchmarks on the e2e stage failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const callResult = JSON.parse(readFileSync(callJson, 'utf8'));
const ms = (value) => `${Math.round(value)} ms`;
const range = ([min, max]) => `${Math.round(min)}–${Math.round(max)} ms`;
const kib = (bytes) =>
  `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KiB`;

const bytesCells = (size) =>
  size
    ? `${size.files} | ${kib(size.raw)} | ${kib(size.gzip)} | ${kib(size.brotli)}`
    : 'not built | | |';
const oursTable = [
  '| our stage (size-limit entry) | files | raw | gzip | brotli |',
  '|---|---:|---:|---:|---:|',
  ...ours.map(({ name, size }) => `| ${name} | ${bytesCells(size)} |`),
].join('\n');
const anchorsTable = [
  '| anchor | stage | files | raw | gzip | brotli |',
  '|---|---|---:|---:|---:|---:|',
  ...anchorRows.map(
    (row) => `| ${row.version} | ${row.stage}: ${row.what} | ${bytesCells(row.size)} |`,
  ),
].join('\n');
const WIDGETS = ['call', 'callback', 'chat'];
/** anchor ÷ ours, gzip and brotli, or "not built". */
const ratio = (anchor, our) =>
  our
    ? `${(anchor.gzip / our.gzip).toFixed(1)}× / ${(anchor.brotli / our.brotli).toFixed(1)}×`
    : 'not built';
const ratioTable = [
  `| stage | anchor | ${WIDGETS.map((w) => `÷ our ${w}`).join(' | ')} |`,
  `|---|---|${WIDGETS.map(() => '---:').join('|')}|`,
  ...anchorRows.map(
    (row) =>
      `| ${row.stage} | ${row.version}${row.note ? ` ${row.note}` : ''} | ${WIDGETS.map((w) => ratio(row.size, ourSize(w, row.stage))).join(' | ')} |`,
  ),
].join('\n');
/** Which files each anchor row counted (each stage names only what it adds to the one before). */
const countedFiles = anchorRows
  .map((row, i) => {
    const before = anchorRows[i - 1]?.version === row.version ? anchorRows[i - 1].counted : [];
    const added = row.counted.filter((file) => !before.includes(file));
    const named = (files) => files.map((file) => `\`${file}\``).join(', ');
    const listed =
      added.length > 12
        ? `${added.length} files, ${named(added.slice(0, 2))} … ${named(added.slice(-1))}`
        : named(added);
    return `- ${row.version}, ${row.stage}: ${before.length ? 'the above and ' : ''}${listed}`;
  })
  .join('\n');
console.log(oursTable);
console.log(anchorsTable);
console.log(ratioTable);

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

const hostPage = JSON.parse(readFileSync(hostPageJson, 'utf8'));
/** Host-page measures: [label, key, format]. */
const IMPACT = [
  ['long tasks (count)', 'longTasks', (v) => String(v)],
  ['long tasks (total)', 'longTaskMs', ms],
  ['total blocking time', 'blockingMs', ms],
  ['cumulative layout shift', 'layoutShift', (v) => v.toFixed(3)],
  ['load event', 'loadMs', ms],
];
const signed = (value, format) => (value >= 0 ? `+${format(value)}` : `−${format(-value)}`);
const hostPageTable = [
  `| median of ${hostPage.runs} runs | ${hostPage.settings.map(({ cpu }) => `CPU ×${cpu}: without | with | difference`).join(' | ')} |`,
  `|---|${hostPage.settings.map(() => '---:|---:|---:').join('|')}|`,
  ...IMPACT.map(
    ([label, key, format]) =>
      `| ${label} | ${hostPage.settings.map((s) => `${format(s.without[key])} | ${format(s.with[key])} | ${signed(s.with[key] - s.without[key], format)}`).join(' | ')} |`,
  ),
].join('\n');
console.log(hostPageTable);
const wire = wireSection(JSON.parse(readFileSync(wireJson, 'utf8')), kib);
console.log(wire);

/**
 * A section of a runner that writes its own result, `{ method: string, columns: string[], rows:
 * (string | number)[][] }`: the method as a paragraph of Markdown, and a table; '' when the file
 * is missing.
 */
function tableSection(title, file) {
  if (!existsSync(file)) return '';
  const { method, columns, rows } = JSON.parse(readFileSync(file, 'utf8'));
  return `
## ${title}

Method: ${method}

| ${columns.join(' | ')} |
|---|${columns
    .slice(1)
    .map(() => '---:')
    .join('|')}|
${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}
`;
}
/** Chat delivery latency under load (`chat-load.json`). */
const chatLoadSection = tableSection('Chat under load', chatLoadJson);
/** Messenger customers through the sandbox to the console's socket (`messenger-load.json`). */
const messengerLoadSection = tableSection(
  'Messengers under load (through the messenger sandbox)',
  messengerLoadJson,
);
/** Calls to a phone through a SIP trunk (`trunk-call.json`). */
const trunkCallSection = tableSection('Calls to a phone through a SIP trunk', trunkCallJson);
/** The automatic callback: order → addressee rings, answer → visitor rings (`auto-callback.json`). */
const autoCallbackSection = tableSection('The automatic callback', autoCallbackJson);
/** A filtered page of the call history and the contacts at size (`history.json`). */
const historySection = tableSection('Call history and address book at size', historyJson);
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

## Bytes: our widgets and the anchors

Method: every file is compressed on its own, as a server sends it — gzip at level 9 and brotli
at quality 11 (\`node:zlib\`) — and a stage is the sum of its files. Our stages are the
size-limit entries of the root \`package.json\` (read from it; cumulative: the launcher includes
the loader, the opened widget the launcher and the chunks loaded on opening) over the built
\`packages/*/dist/browser\` files; a stage whose files are missing says "not built". The anchors
are their npm tarballs of today (\`npm pack\`, cached in \`node_modules/.cache/frontdesk-bench\`),
their shipped browser files only. Rocket.Chat's loader script adds its iframe at once, so its
launcher is the loader with the iframe's start-up (its \`index.html\`, the scripts that page
loads and the chunks its entry imports before drawing anything); its "opened" counts every
script and stylesheet of the iframe app, an upper bound (route and language chunks load when
needed). Papercups ships one ES module that draws the toggle and the chat's iframe, counted on
a site that already runs React and with React 17 (its peer dependency) for one that does not;
the chat window itself is served from Papercups' servers and not counted. Crisp's SDK is only
the loader of Crisp's hosted client (also served from Crisp's servers). Files counted:

${countedFiles}

${oursTable}

${anchorsTable}

Ratios, anchor ÷ ours, gzip / brotli (higher: ours is smaller):

${ratioTable}

## Host page: the shop page with and without our widgets

Method: the demo site's \`${hostPage.page}\` (all three widgets: chat button, callback tab,
call link code) and the same page served without its snippets, on the e2e stage (platform and
demo site on loopback in a private network namespace), in headless Chromium ${hostPage.chromium}
with the e2e flags, ${hostPage.runs} cold loads each (a new browser context per load), with and
without alternating. Measured inside the page from its start: long tasks
(\`PerformanceObserver\` \`longtask\`; count and total duration), total blocking time (the part
over 50 ms of each long task after the first contentful paint), cumulative layout shift (sum of
\`layout-shift\` values without recent input) and the load event (\`loadEventStart\`). The
window ends when the network has been quiet for 500 ms after the load event, plus 1 s, so the
chunks the widgets fetch when the browser is idle are counted. With no CPU throttling and with
4× (CDP \`Emulation.setCPUThrottlingRate\`, Lighthouse's mobile setting). Runner:
\`test/e2e/host-page.bench-run.ts\` (Vitest project \`bench\`).

${hostPageTable}

${wire}${chatLoadSection}${messengerLoadSection}${trunkCallSection}${autoCallbackSection}${historySection}`,
);
