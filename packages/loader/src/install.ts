/**
 * The loader's work: replace the snippet's queueing stub with the real `window.Frontdesk`,
 * replay what the page queued, start each widget from its public config and launcher chunk,
 * and open widgets from the site's own `data-frontdesk-open` elements. Nothing here may throw
 * into the page or hold up its load: every entry point catches, and all loading is async.
 */
import { isEmbedFormat } from './snippet';
import type { LauncherFormat, LoaderHandle, LoaderWidgetModule } from './widget-module';

/** `window.Frontdesk`: the snippet's stub (with its queue `q`) or, once installed, the API. */
export interface FrontdeskGlobal {
  (command: string, ...args: unknown[]): void;
  /** Commands the stub queued before the loader arrived. */
  q?: ArrayLike<unknown>[];
  /** Set by the first loader: a second copy of the snippet does not install twice. */
  loaded?: true;
}

/** The page's global object as the loader sees it. */
export type LoaderWindow = Pick<Window, 'fetch'> & { Frontdesk?: FrontdeskGlobal };

/** Options of `Frontdesk('init', {...})`. */
export interface InitOptions {
  widget: string;
  launcher?: LauncherFormat;
  /** Storage may be used from the start: the site's own consent banner covers it. */
  consent?: boolean;
}

interface Widget {
  handle?: LoaderHandle;
  /** Commands sent before the widget's chunk started. */
  queue: [keyof LoaderHandle, unknown[]][];
}

const KEY = /^[\w-]{1,64}$/;
const TYPES = ['call', 'callback', 'chat'];
const OPEN = 'data-frontdesk-open';

/** An error of the platform or of a widget's config, with the platform's error code. */
function failure(message: string, code: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** How the loader fetches a widget type's launcher chunk. */
export type ImportChunk = (url: string) => Promise<LoaderWidgetModule>;

/**
 * Installs `window.Frontdesk` from `script` (the loader's own tag: the platform URL and the
 * `data-*` options come from it), unless a loader already did. Chunks are ES modules imported
 * from the platform; a dynamic import carries the loader's own nonce, so a strict CSP needs no
 * exception for them (`importChunk` is replaceable for tests). `runtime`: the chunk every
 * widget type's launcher imports (the widgets' shared runtime), imported as soon as a widget is
 * initialised, beside its config: the launcher then finds it loaded, one round trip sooner.
 */
export function install(
  win: LoaderWindow,
  doc: Document,
  script: HTMLScriptElement | null,
  importChunk: ImportChunk = (url) => import(/* @vite-ignore */ url),
  runtime?: string,
): void {
  try {
    if (win.Frontdesk?.loaded) return;
    const queued = win.Frontdesk?.q;
    const api = new URL('.', script?.src).href;
    const widgets = new Map<string, Widget>();
    const listeners = new Map<string, ((detail: unknown) => void)[]>();
    const logged = new Set<string>();
    let consent = false;

    const log = (error: unknown) => {
      const text = String(error instanceof Error ? error.message : error);
      if (logged.has(text)) return;
      logged.add(text);
      // A refusal with a code is written for the site owner: one plain line. Anything else
      // (a bug, a network failure) keeps its stack for whoever debugs it.
      if ((error as { code?: unknown } | null)?.code) console.error(`Frontdesk: ${text}`);
      else console.error('Frontdesk:', error);
    };
    const emit = (event: string, detail?: unknown) => {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(detail);
        } catch (error) {
          log(error);
        }
      }
    };
    const report = (error: unknown, widget?: string) => {
      log(error);
      emit('error', {
        widget,
        code: (error as { code?: unknown } | null)?.code ?? 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    };

    const run = (widget: Widget, name: keyof LoaderHandle, args: unknown[]) => {
      const handle = widget.handle;
      if (!handle) return void widget.queue.push([name, args]);
      try {
        (handle[name] as (...a: unknown[]) => void)(...args);
      } catch (error) {
        report(error);
      }
    };
    /** Sends a command to the widget `key`, or to all (`open`: the first) when no key is given. */
    const send = (key: unknown, name: keyof LoaderHandle, args: unknown[] = []) => {
      const targets = typeof key === 'string' ? [widgets.get(key)] : [...widgets.values()];
      for (const widget of name === 'open' ? targets.slice(0, 1) : targets) {
        if (widget) run(widget, name, args);
      }
    };

    const load = async (key: string, widget: Widget, launcher: LauncherFormat | undefined) => {
      try {
        const response = await win.fetch(`${api}widgets/${key}/config`, { credentials: 'omit' });
        const config = await response.json().catch(() => undefined);
        if (!response.ok) {
          // The platform's refusals name the widget and say what to do; they are shown as they are.
          const error = config?.error;
          throw failure(
            error?.message ?? `widget "${key}": the platform answered ${response.status}`,
            error?.code ?? 'http',
          );
        }
        if (!TYPES.includes(config?.type)) {
          throw failure(
            `widget "${key}": config field "type" must be "call", "callback" or "chat"`,
            'invalid_config',
          );
        }
        const chunk = await importChunk(`${api}assets/${config.type}.js`);
        widget.handle = chunk.start({
          key,
          config,
          ...(launcher ? { launcher } : {}),
          consent,
          api,
          emit,
          report: (error) => report(error, key),
        });
        for (const [name, args] of widget.queue.splice(0)) run(widget, name, args);
      } catch (error) {
        report(error, key);
      }
    };

    const init = (options: InitOptions | undefined) => {
      const key = options?.widget;
      if (typeof key !== 'string' || !KEY.test(key)) {
        throw failure(
          `init needs { widget: "<public widget key>" }, not ${JSON.stringify(options)}`,
          'invalid_init',
        );
      }
      // Pasted twice, or initialised from the snippet and the script tag: the first one counts.
      if (widgets.has(key)) return;
      if (options?.consent === true) consent = true;
      const widget: Widget = { queue: [] };
      widgets.set(key, widget);
      // Only fetched ahead: a failure is the launcher's to report when it imports it.
      if (runtime && widgets.size === 1) importChunk(`${api}assets/${runtime}`).catch(() => {});
      void load(key, widget, isEmbedFormat(options?.launcher) ? options.launcher : undefined);
    };

    const command: FrontdeskGlobal = (name, ...args) => {
      try {
        if (name === 'init') init(args[0] as InitOptions);
        else if (name === 'on') {
          const [event, listener] = args;
          if (typeof event === 'string' && typeof listener === 'function') {
            listeners.set(event, [
              ...(listeners.get(event) ?? []),
              listener as (d: unknown) => void,
            ]);
          }
        } else if (name === 'consent') {
          consent = true;
          send(undefined, 'consent');
        } else if (name === 'identify') send(undefined, 'identify', args);
        else if (name === 'open' || name === 'close') send(args[0], name);
        else if (name === 'destroy') {
          send(args[0], 'destroy');
          if (typeof args[0] === 'string') widgets.delete(args[0]);
          else widgets.clear();
        } else throw failure(`unknown command "${name}"`, 'unknown_command');
      } catch (error) {
        report(error);
      }
    };
    command.loaded = true;
    win.Frontdesk = command;

    const data = script?.dataset;
    if (data?.widget) {
      command('init', {
        widget: data.widget,
        launcher: data.launcher,
        consent: data.consent !== undefined && data.consent !== 'false',
      });
    }
    for (const args of Array.from(queued ?? [])) command(...(Array.from(args) as [string]));

    // The link code: any element carrying the attribute opens its widget, whenever it was added.
    doc.addEventListener(
      'click',
      (event) => {
        try {
          const target = (event.target as Element | null)?.closest?.(`[${OPEN}]`);
          const key = target?.getAttribute(OPEN);
          if (!target || !key) return;
          event.preventDefault();
          if (!widgets.has(key)) init({ widget: key, launcher: 'link' });
          send(key, 'open', [target]);
        } catch (error) {
          report(error);
        }
      },
      true,
    );
  } catch (error) {
    console.error('Frontdesk:', error);
  }
}
