/**
 * Consent-first storage: values live in the page's memory until the visitor interacts with a
 * widget or the page gives consent (`Frontdesk('consent')`, or `consent: true` in the snippet);
 * only then are they written to, and read from, `localStorage`. Before that, the widget writes
 * nothing and reads no value: it only looks whether the area holds keys of ours — they are there
 * only because the visitor consented on an earlier page, and that consent still holds.
 */

const PREFIX = 'frontdesk:';

/**
 * The key of the visitor's token, one for the widgets of the account tagged `accountTag`
 * (`visitorToken`, uuid.ts). Here, beside the storage, for the launchers: they read the token at page
 * load, and carry nothing of making one.
 */
export function visitorKey(accountTag: string | undefined): string {
  return `visitor:${accountTag ?? ''}`;
}

/** The session's storage area (`sessionStorage`), for {@link createConsentStorage}. */
export const sessionArea = (): Storage => sessionStorage;

/** A widget's storage. */
export interface ConsentStorage {
  /** Whether `localStorage` may be used. */
  readonly allowed: boolean;
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
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
    remove(key) {
      memory.delete(key);
      try {
        if (permitted) area().removeItem(PREFIX + key);
      } catch {
        // Storage refused: nothing was kept there.
      }
    },
    allow() {
      if (permitted) return;
      permitted = true;
      for (const [key, value] of memory) write(key, value);
    },
  };
  if (allowed || consentedBefore(area)) storage.allow();
  return storage;
}

/** Whether `area` holds a key of ours: written only after the visitor's consent. */
function consentedBefore(area: () => Storage): boolean {
  try {
    const storage = area();
    for (let i = 0; i < storage.length; i++) {
      if (storage.key(i)?.startsWith(PREFIX)) return true;
    }
  } catch {
    // Storage refused: nothing of ours is there.
  }
  return false;
}
