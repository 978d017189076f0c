/**
 * @frontdesk/loader — the snippet text (this door) and, as a classic script, the loader it
 * pulls in.
 */
export type { EmbedFormat, SnippetOptions } from './snippet';
export { isEmbedFormat, openAttribute, snippet } from './snippet';
