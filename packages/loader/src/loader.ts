/**
 * The classic script the snippet loads, `/v1/loader.js` (built as an IIFE into
 * `dist/browser/loader.js`).
 */
import { install } from './install';

install(window, document, document.currentScript as HTMLScriptElement | null);
