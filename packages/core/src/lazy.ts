import { isConfigError } from './config-error';

/**
 * A chunk loaded at most once: the first call starts the import, later calls share it, and a
 * failed import (the network dropped) is forgotten so the next call tries again — but not a
 * config that failed its schema (`configError`): checking it again would fail again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      if (!isConfigError(error)) pending = undefined;
      throw error;
    }));
}
