/**
 * What the loader expects of a widget type's launcher chunk (`/v1/assets/<type>.js`). The
 * widget runtime, `@frontdesk/core`, implements this contract (its `WidgetHost` and
 * `WidgetHandle` are the same shapes, with more detail).
 */

/** How a widget shows on the page: a floating button, only the site's own links, or an edge tab. */
export type LauncherFormat = 'button' | 'link' | 'label';

/** What the loader hands a widget chunk. */
export interface LoaderHost {
  /** The widget's public key. */
  key: string;
  /** The public config as fetched: not yet validated (the chunk does that). */
  config: unknown;
  /** The embed code's launcher format, when the snippet or the script tag names one. */
  launcher?: LauncherFormat;
  /** Storage may be used from the start (the site's own consent covers it). */
  consent: boolean;
  /** The platform's `/v1/` URL, ending in a slash. */
  api: string;
  /** Tells the page's `on(event)` listeners. */
  emit(event: string, detail?: unknown): void;
  /** Reports an error: once to the console, and to `on('error')` listeners. */
  report(error: unknown): void;
}

/** The commands a started widget answers. */
export interface LoaderHandle {
  open(anchor?: Element): void;
  close(): void;
  identify(visitor: unknown): void;
  consent(): void;
  destroy(): void;
}

/** A widget type's launcher chunk. */
export interface LoaderWidgetModule {
  start(host: LoaderHost): LoaderHandle;
}
