import { readFileSync } from 'node:fs';
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

const WIDGET_MODULE = /\/packages\/(call|callback|chat)\/src\//;

/** A widget type's own config module: its chunks carry it, not the other types'. */
const OWN_CONFIG =
  /\/(public-(call|callback|chat)-config|(call|callback|chat)-look|lead-triggers)\.ts$/;

/** A config module that builds valibot schemas (it imports valibot) for every widget type. */
function schemaModule(id: string): boolean {
  if (OWN_CONFIG.test(id)) return false;
  return (
    /\/packages\/config\/src\/[^/]+\.ts$/.test(id) &&
    /from 'valibot'/.test(readFileSync(id, 'utf8'))
  );
}

/**
 * Modules the opened widgets share, merged into one chunk each: a chunk is compressed on its
 * own, so a dozen small ones cost more bytes (and requests) than one. Only
 * modules no launcher imports, and not what they import (`includeDependenciesRecursively`): the
 * launcher's own modules (`sheet`, the consent storage, the config error) stay in its chunks.
 * - `checked-config`: valibot, the config schemas all widget types share and the schedule
 *   engine (the opened part validates the whole config and computes its schedule);
 * - `opened-frame`: Preact, @floating-ui and core's dialog half (the frame, the dialog, its
 *   placement and styles, the live region, the brand line);
 * - `platform-client`: the platform client, the page's info and request ids — not in the frame,
 *   as the opened call needs them only once the visitor presses its call button.
 */
const OPENED_GROUPS = [
  {
    name: 'checked-config',
    includeDependenciesRecursively: false,
    test: (id: string) =>
      /\/packages\/core\/src\/(checked-config|schedule-variant)\.ts$/.test(id) ||
      id.includes('/node_modules/valibot/') ||
      (id.includes('/packages/schedule/src/') && !id.endsWith('/callback-slots.ts')) ||
      schemaModule(id),
  },
  {
    name: 'opened-frame',
    includeDependenciesRecursively: false,
    test: /\/node_modules\/(preact|@floating-ui)\/|\/packages\/core\/src\/(opened-frame|dialog|dialog-styles|place-near|live-region|core-messages|brand-line)\.tsx?$/,
  },
  {
    name: 'platform-client',
    includeDependenciesRecursively: false,
    test: /\/packages\/core\/src\/(platform-client|page-info|uuid)\.ts$/,
  },
];

/**
 * One browser build of the three widgets: `call.js`, `callback.js` and `chat.js` (the launcher
 * chunks the loader imports) share their runtime — the widget shell, the launcher, the theme, the
 * config parsing, and once opened Preact, the dialog and the platform client — in chunks of
 * their own, so a page with several widgets loads it once. A widget's own chunks are named after
 * it (`callback-open-widget-…`), so the size budgets tell them apart. Plus {@link websocketOnly}.
 */
function browserConfig(): UserConfig {
  const config = libraryConfig({
    root: import.meta.dirname,
    entries: {
      call: '../call/src/start.ts',
      callback: '../callback/src/start.ts',
      chat: '../chat/src/start.ts',
    },
    browser: true,
  });
  const output = config.build?.rolldownOptions?.output;
  if (output && !Array.isArray(output)) {
    output.codeSplitting = { groups: OPENED_GROUPS };
    output.chunkFileNames = (chunk) => {
      const widget = WIDGET_MODULE.exec(chunk.facadeModuleId ?? '')?.[1];
      return widget && !chunk.name.startsWith(widget)
        ? `${widget}-[name]-[hash:8].js`
        : '[name]-[hash:8].js';
    };
  }
  return { ...config, plugins: [websocketOnly] };
}

// What `/v1/assets/` serves (see `browserConfig`), into `dist/browser/`.
export default defineConfig(browserConfig());
