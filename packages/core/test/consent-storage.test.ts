import { createConsentStorage } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

/** A Storage that records every access. */
function area() {
  const data = new Map<string, string>();
  const touched: string[] = [];
  const storage = {
    getItem: (key: string) => {
      touched.push(`get ${key}`);
      return data.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      touched.push(`set ${key}`);
      data.set(key, value);
    },
  } as unknown as Storage;
  return { storage, data, touched };
}

describe('consent-first storage', () => {
  it('keeps values in memory, touching no storage, until allowed', () => {
    const a = area();
    const storage = createConsentStorage(false, () => a.storage);
    storage.set('phone-left', '1');
    expect(storage.get('phone-left')).toBe('1');
    expect(storage.get('other')).toBeUndefined();
    expect(storage.allowed).toBe(false);
    expect(a.touched).toEqual([]);

    storage.allow();
    expect(a.data.get('frontdesk:phone-left')).toBe('1');
    storage.set('visits', '2');
    expect(a.data.get('frontdesk:visits')).toBe('2');
  });

  it('reads what an earlier page stored once allowed from the start', () => {
    const a = area();
    a.data.set('frontdesk:phone-left', '1');
    expect(createConsentStorage(false, () => a.storage).get('phone-left')).toBeUndefined();
    expect(createConsentStorage(true, () => a.storage).get('phone-left')).toBe('1');
  });

  it('takes keys of ours an earlier page stored as that visitor’s consent, reading no value first', () => {
    const data = new Map([['frontdesk:phone-left', '1']]);
    const reads: string[] = [];
    const withKeys = {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      getItem: (key: string) => {
        reads.push(key);
        return data.get(key) ?? null;
      },
      setItem: (key: string, value: string) => void data.set(key, value),
      removeItem: (key: string) => void data.delete(key),
    } as unknown as Storage;
    const storage = createConsentStorage(false, () => withKeys);
    expect(reads).toEqual([]);
    expect(storage.allowed).toBe(true);
    expect(storage.get('phone-left')).toBe('1');
    storage.remove('phone-left');
    expect(data.size).toBe(0);
    // Keys of others are no consent to us.
    data.set('site:theme', 'dark');
    expect(createConsentStorage(false, () => withKeys).allowed).toBe(false);
  });

  it('removes a value from memory, and from storage once allowed', () => {
    const a = area();
    const storage = createConsentStorage(false, () => a.storage);
    storage.set('outbox', '[]');
    storage.remove('outbox');
    expect(storage.get('outbox')).toBeUndefined();
    expect(a.touched).toEqual([]);
  });

  it('lives on in memory when the browser refuses storage', () => {
    const refusing = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    const storage = createConsentStorage(true, refusing);
    storage.set('phone-left', '1');
    expect(storage.get('phone-left')).toBe('1');
    expect(storage.get('missing')).toBeUndefined();
  });
});
