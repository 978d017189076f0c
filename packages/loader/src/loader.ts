/**
 * The classic script the snippet loads, `/v1/loader.js` (built as an IIFE into
 * `dist/browser/loader.js`).
 */
import { install } from './install';

/** The widgets' shared runtime chunk, named by the build (see vite.config.ts); absent in tests. */
declare const __FRONTDESK_RUNTIME__: string | undefined;

install(
  window,
  document,
  document.currentScript as HTMLScriptElement | null,
  undefined,
  typeof __FRONTDESK_RUNTIME__ === 'string' ? __FRONTDESK_RUNTIME__ : undefined,
);
