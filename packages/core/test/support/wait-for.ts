import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a widget's first chunks: imported under coverage instrumentation on
 * a busy machine they can take longer than Vitest's 1 s default (a run failed so). A test's own
 * options still win.
 */
export const waitFor: typeof vi.waitFor = (callback, options) =>
  vi.waitFor(callback, typeof options === 'number' ? options : { timeout: 10_000, ...options });
