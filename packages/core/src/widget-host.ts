/**
 * The contract between the loader and a widget type's launcher chunk: what the loader hands the
 * chunk's `start` (a {@link WidgetHost}) and the commands the started widget answers (a
 * {@link WidgetHandle}). The loader's own view of it is `LoaderHost` / `LoaderHandle` of
 * `@frontdesk/loader`; a type test keeps the two the same.
 */
import type { Presence } from '@frontdesk/config';

/** How a widget shows on the page: a floating button, only the site's own links, or an edge tab. */
export type LauncherFormat = 'button' | 'link' | 'label';

/** The working-time or the non-working-time look and behaviour of a widget. */
export type Variant = 'working' | 'non-working';

/** What a visitor may tell a widget in advance (`Frontdesk('identify', {...})`): form prefill. */
export interface Visitor {
  name?: string;
  phone?: string;
}

/** Page-level events: `Frontdesk('on', event, listener)` listeners receive the detail. */
export interface WidgetEvents {
  open: { widget: string };
  close: { widget: string };
  'callback:submitted': { widget: string; id: string; status: string; slot: string | null };
  error: { widget?: string; code: string; message: string };
}

/** What a widget's `start` receives from the loader (or from the Studio's preview). */
export interface WidgetHost {
  /** The widget's public key. */
  key: string;
  /** The public config as fetched: the widget validates it. */
  config: unknown;
  /** The embed code's launcher format; absent: the config's own. */
  launcher?: LauncherFormat;
  /** Storage may be used from the start (the site's own consent covers it). */
  consent: boolean;
  /** The platform's `/v1/` URL, ending in a slash. */
  api: string;
  /** Tells the page's listeners (see {@link WidgetEvents}). */
  emit(event: string, detail?: unknown): void;
  /** Reports an error once to the console and to the page's `error` listeners. */
  report(error: unknown): void;
  /** Studio preview: this variant whatever the clock, and nothing is sent to the platform. */
  preview?: Variant;
  /** Studio preview: who can answer (default online); a real widget asks the platform. */
  presence?: Presence;
}

/** The commands a started widget answers; none of them throws. */
export interface WidgetHandle {
  /** Opens the widget, placed next to `anchor` when given (the link the visitor clicked). */
  open(anchor?: Element): void;
  close(): void;
  identify(visitor: unknown): void;
  /** The page's consent: storage may be used from now on. */
  consent(): void;
  /** Removes the widget from the page. */
  destroy(): void;
}

/** A widget type's launcher chunk exports this as `start`. */
export type StartWidget = (host: WidgetHost) => WidgetHandle;
