// The "Bytes on the wire" section of BENCHMARKS.md, from what test/e2e/wire-bytes.bench-run.ts
// wrote (scripts/bench.mjs runs it with the other benchmarks on the e2e stage).

/** How each run of the bench-run file is named in the table. */
const RUN_LABELS = {
  uncompressed: 'uncompressed',
  http: 'plain http (gzip)',
  loopback: 'loopback, as over https (brotli)',
};

/**
 * What the same page fetched before one runtime per page (each launcher its own Preact-less
 * runtime, the opened chunks prefetched when idle for every visitor), uncompressed as the
 * platform then served it: measured by this runner on 2026-12-06, and the issue's 268 KB.
 */
const BEFORE_KIB = 263;

/** The section's Markdown; `kib` formats a number of bytes. */
export function wireSection(result, kib) {
  const label = (run) => `${RUN_LABELS[run.name] ?? run.name}, ${run.connection}`;
  const cold = [
    '| the shop page, cold, before interaction | Accept-Encoding | `effectiveType` | requests | loader | 3 launchers | chunks | widget API (configs, presence) | total on the wire |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|',
    ...result.runs.map((run) => {
      const c = run.cold;
      return [
        label(run),
        `\`${run.acceptEncoding}\``,
        run.effectiveType ?? '—',
        c.requests,
        kib(c.byKind.loader.encoded),
        kib(c.byKind.launcher.encoded),
        `${kib(c.byKind.chunk.encoded)} (${c.byKind.chunk.requests} files)`,
        kib(c.byKind.api.encoded),
        `**${kib(c.encoded)}**`,
      ].join(' | ');
    }),
  ].map((row) => (row.startsWith('|') ? row : `| ${row} |`));
  const widgets = result.runs[0]?.opened.map((o) => o.widget) ?? [];
  const opened = [
    `| then the visitor opens each widget: bytes each opening fetched | ${widgets.join(' | ')} | cold load and all three opened |`,
    `|---|${widgets.map(() => '---:').join('|')}|---:|`,
    ...result.runs.map(
      (run) =>
        `| ${label(run)} | ${run.opened.map((o) => `${kib(o.encoded)} (${o.requests})`).join(' | ')} | **${kib(run.cold.encoded + run.opened.reduce((sum, o) => sum + o.encoded, 0))}** |`,
    ),
  ];
  const warm = [
    '| second visit, same browser | requests | from the cache | answered 304 | bytes on the wire |',
    '|---|---:|---:|---:|---:|',
    ...result.runs.map(
      (run) =>
        `| ${label(run)} | ${run.warm.requests} | ${run.warm.fromCache} | ${run.warm.notModified} | ${kib(run.warm.encoded)} |`,
    ),
  ];
  return `## Bytes on the wire: the shop page from the platform

Method: the demo site's \`${result.page}\` (all three widgets) on the e2e stage (platform and demo
site on loopback in a private network namespace), headless Chromium ${result.chromium}, each
measure in a new browser context: a cold load until the network has been quiet for 500 ms after
the load event plus 1 s (nobody touches a widget: what a browser fetches when idle is counted),
then the visitor opens the chat, the callback widget and the call (its link on the page) in turn,
each until the network is quiet again, and last a second visit of the page in the same context.
Every response from the platform is read from CDP's Network domain:
\`Network.loadingFinished\`'s \`encodedDataLength\`, the bytes that crossed the wire, headers
included (the chat's WebSocket is not counted). "fast" is the browser as it is (Chromium
reports a 4G-class connection on loopback); "3G" a browser started with
\`--force-effective-connection-type=3G\` (\`navigator.connection.effectiveType\` says \`3g\`; the
widgets then fetch opened chunks only on intent). Chromium asks for brotli only from secure
origins, and loopback is one: "as over https" is what it asks here; "plain http" sends the
Accept-Encoding Chromium sends to a site over plain http (set with the context's extra headers);
"uncompressed" asks for none. Before one runtime per page the same cold load fetched
**${BEFORE_KIB} KiB** uncompressed (the issue's 268 KB). The run fails if a bundle over 1 KiB comes
in another encoding than the one asked for, if the second visit fetches a bundle again (only
the cache or a 304 may answer it), or if the cold load on 3G over plain http passes 20 KB (the
widget config is compressed as the browser accepts too). Not measured: a real TLS front (brotli as over https is
measured on loopback). Runner: \`test/e2e/wire-bytes.bench-run.ts\` (Vitest project \`bench\`).

${cold.join('\n')}

${opened.join('\n')}

${warm.join('\n')}
`;
}
