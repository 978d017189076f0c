import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

const TRANSPORTS = '\0engine.io-websocket-only:';

/**
 * socket.io-client bundles every engine.io transport (HTTP long-polling, WebTransport), though
 * the widget connects over WebSocket only (`transports: ['websocket']`, as the platform
 * requires). In the browser build engine.io's transport table holds the WebSocket transport
 * alone, and engine.io-client's modules count as free of side effects (the polling ones only
 * probe XMLHttpRequest at load), so the rest drops out: the opened chat stays within budget.
 */
const websocketOnly: Plugin = {
  name: 'engine.io-websocket-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './transports/index.js' && importer?.includes('/engine.io-client/')) {
      return TRANSPORTS + resolve(dirname(importer), 'transports/websocket.js');
    }
    return undefined;
  },
  load(id) {
    if (!id.startsWith(TRANSPORTS)) return undefined;
    const websocket = JSON.stringify(id.slice(TRANSPORTS.length));
    return `import { WS } from ${websocket};\nexport const transports = { websocket: WS };\n`;
  },
  transform(code, id) {
    return id.includes('/engine.io-client/')
      ? { code, map: null, moduleSideEffects: false }
      : undefined;
  },
};

/**
 * The browser build: the shared library config plus {@link websocketOnly}; the callback widget's
 * own chunks (its texts, loaded with the callback tab) are named `callback-…`, so the size
 * budgets tell them from the chat's.
 */
function browserConfig(): UserConfig {
  const config = libraryConfig({
    root: import.meta.dirname,
    entries: { chat: 'src/start.ts' },
    browser: true,
  });
  const output = config.build?.rolldownOptions?.output;
  if (output && !Array.isArray(output)) {
    output.chunkFileNames = (chunk) =>
      chunk.facadeModuleId?.includes('/packages/callback/')
        ? 'callback-[name]-[hash:8].js'
        : '[name]-[hash:8].js';
  }
  return { ...config, plugins: [websocketOnly] };
}

// `vite build`: the npm package; `vite build --mode browser`: what `/v1/assets/` serves —
// `chat.js` (the launcher chunk the loader imports: `start` alone) and the hashed chunks it
// loads when needed (the window, the session with socket.io-client, the callback tab).
export default defineConfig(({ mode }) =>
  mode === 'browser'
    ? browserConfig()
    : libraryConfig({
        root: import.meta.dirname,
        entries: { index: 'src/index.ts' },
        external: [/^preact/, /^socket\.io-client/, /^@frontdesk\//],
      }),
);
