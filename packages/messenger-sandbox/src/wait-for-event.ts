/**
 * The first event from now on that `match` accepts, of whatever `subscribe` follows (a
 * messenger's events, for tests).
 * @throws {Error} after `timeoutMs` without one, naming `what` awaited.
 */
export function waitForEvent<E>(
  subscribe: (listener: (event: E) => void) => () => void,
  match: (event: E) => boolean,
  timeoutMs: number,
  what: string,
): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`The awaited ${what} event did not come in ${timeoutMs} ms.`));
    }, timeoutMs);
    const unsubscribe = subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}
