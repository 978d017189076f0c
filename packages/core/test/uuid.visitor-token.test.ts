import { createConsentStorage, visitorKey, visitorToken } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

/** A storage area in memory, standing in for `localStorage`. */
function area(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    key: (i) => [...values.keys()][i] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

describe('visitorToken', () => {
  it('is one per account tag, shared by the widgets of the account through storage', () => {
    const shared = area();
    const chat = createConsentStorage(true, () => shared);
    chat.set(visitorKey('acme'), 'token-the-chat-was-given-0123456789');
    const callback = createConsentStorage(true, () => shared);
    expect(visitorToken(callback, 'acme')).toBe('token-the-chat-was-given-0123456789');
    // Another account's widgets keep theirs apart.
    expect(visitorToken(callback, 'other')).not.toBe('token-the-chat-was-given-0123456789');
  });

  it('makes one when there is none, kept in the page only until storage is allowed', () => {
    const shared = area();
    const storage = createConsentStorage(false, () => shared);
    const made = visitorToken(storage, 'acme');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(visitorToken(storage, 'acme')).toBe(made);
    expect(shared.length).toBe(0);
    storage.allow();
    expect(shared.getItem(`frontdesk:${visitorKey('acme')}`)).toBe(made);
  });
});
