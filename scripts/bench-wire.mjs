// The "Bytes on the wire" section of BENCHMARKS.md, from what test/e2e/wire-bytes.bench-run.ts
// wrote (scripts/bench.mjs runs it with the other benchmarks on the e2e stage).

/** How each run of the bench-run file is named in the table. */
const RUN_LABELS = {
  uncompressed: 'uncompressed (as the platform served the bundles before)',
  http: 'plain http',
  loopback: 'loopback, as over https',
};

/** The section's Markdown; `kib` formats a number of bytes. */
export function wireSection(result, kib) {
  const cold = [
    '| the shop page, cold, before interaction | Accept-Encoding | requests | loader | 3 launchers | chunks fetched when idle | widget configs (API) | total on the wire |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...result.runs.map(({ name, acceptEncoding, cold: c }) =>
      [
        RUN_LABELS[name] ?? name,
        `\`${acceptEncoding}\``,
        c.requests,
        kib(c.byKind.loader.encoded),
        kib(c.byKind.launcher.encoded),
        `${kib(c.byKind.chunk.encoded)} (${c.byKind.chunk.requests} files)`,
        kib(c.byKind.api.encoded),
        `**${kib(c.encoded)}**`,
      ].join(' | '),
    ),
  ].map((row) => (row.startsWith('|') ? row : `| ${row} |`));
  const warm = [
    '| second visit, same browser | requests | from the cache | answered 304 | bytes on the wire |',
    '|---|---:|---:|---:|---:|',
    ...result.runs.map(
      ({ name, warm: w }) =>
        `| ${RUN_LABELS[name] ?? name} | ${w.requests} | ${w.fromCache} | ${w.notModified} | ${kib(w.encoded)} |`,
    ),
  ];
  const decoded = result.runs[0]?.cold.decoded ?? 0;
  return `## Bytes on the wire: the shop page from the platform

Method: the demo site's \`${result.page}\` (all three widgets) on the e2e stage (platform and demo
site on loopback in a private network namespace), headless Chromium ${result.chromium}, each
measure in a new browser context: a cold load until the network has been quiet for 500 ms after
the load event plus 1 s (so the chunks the widgets fetch when the browser is idle are counted;
nobody touches a widget), then a second visit of the page in the same context. Every response
from the platform is read from CDP's Network domain: \`Network.loadingFinished\`'s
\`encodedDataLength\`, the bytes that crossed the wire, headers included. Chromium asks for
brotli only from secure origins, and loopback is one: "loopback, as over https" is what it asks
here; "plain http" sends the Accept-Encoding Chromium sends to a site over plain http (set with
the context's extra headers); "uncompressed" asks for none, as the platform served every bundle
before it had the build's brotli and gzip copies. The decoded bodies weigh ${kib(decoded)} in
every run. The run fails if a bundle over 1 KiB comes in another encoding than the one asked
for, or if the second visit fetches a bundle again (only the cache or a 304 may answer it).
Not measured yet: over a real https front (TLS), and on a throttled (3G-class) connection.
Runner: \`test/e2e/wire-bytes.bench-run.ts\` (Vitest project \`bench\`).

${cold.join('\n')}

${warm.join('\n')}
`;
}
