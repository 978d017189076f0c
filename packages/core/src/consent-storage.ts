/**
 * Consent-first storage: values live in the page's memory until the visitor interacts with a
 * widget or the page gives consent (`Frontdesk('consent')`, or `consent: true` in the snippet);
 * only then are they written to, and read from, `localStorage`. Before that, the widget neither
 * writes nor reads cookies or storage.
 */

const PREFIX = 'frontdesk:';

/** A widget's storage. */
export interface ConsentStorage {
  /** Whether `localStorage` may be used. */
  readonly allowed: boolean;
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** From now on, use `localStorage`; what was kept in memory is written there. */
  allow(): void;
}

/**
 * A storage that uses `area` (default `localStorage`) once allowed; `allowed` allows it from
 * the start. A browser that refuses storage (private modes, blocked cookies) leaves it in memory.
 */
export function createConsentStorage(
  allowed: boolean,
  area: () => Storage = () => localStorage,
): ConsentStorage {
  const memory = new Map<string, string>();
  let permitted = false;
  const write = (key: string, value: string) => {
    try {
      area().setItem(PREFIX + key, value);
    } catch {
      // Storage refused or full: the value stays in memory for this page.
    }
  };
  const storage: ConsentStorage = {
    get allowed() {
      return permitted;
    },
    get(key) {
      if (memory.has(key) || !permitted) return memory.get(key);
      try {
        return area().getItem(PREFIX + key) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      memory.set(key, value);
      if (permitted) write(key, value);
    },
    allow() {
      if (permitted) return;
      permitted = true;
      for (const [key, value] of memory) write(key, value);
    },
  };
  if (allowed) storage.allow();
  return storage;
}
