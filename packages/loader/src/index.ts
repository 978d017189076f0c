/**
 * @frontdesk/loader — the snippet text (this door) and, as a classic script, the loader it
 * pulls in (`src/loader.ts`, built to `dist/browser/loader.js`).
 */
export type { FrontdeskGlobal, ImportChunk, InitOptions, LoaderWindow } from './install';
export { install } from './install';
export type { EmbedFormat, SnippetOptions } from './snippet';
export { isEmbedFormat, openAttribute, snippet } from './snippet';
export type {
  LauncherFormat,
  LoaderHandle,
  LoaderHost,
  LoaderWidgetModule,
} from './widget-module';
