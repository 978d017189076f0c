/**
 * A chunk loaded at most once: the first call starts the import, later calls share it, and a
 * failed import (the network dropped) is forgotten so the next call tries again.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
