import { createConsentStorage, createPlatformClient, PlatformError } from '@frontdesk/core';
import { describe, expect, it, vi } from 'vitest';
import { type KeptOrder, orderOutbox, sendKept } from '../src/outbox';
import { platformSubmit } from '../src/submit-callback';
import { callbackRequest } from './fixtures';

const NAME = 'callback:outbox:w';

/** A Storage in memory. */
function area() {
  const data = new Map<string, string>();
  const storage = {
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  } as unknown as Storage;
  return { data, storage };
}

/** The platform's order endpoint as a fetch answering `statuses` in turn; records requests. */
function platform(...statuses: (number | 'offline')[]) {
  const requests: { key: string | null; body: string }[] = [];
  const fetch = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) => {
    const status = statuses.shift() ?? 201;
    if (status === 'offline') throw new TypeError('Failed to fetch');
    const headers = new Headers(init?.headers);
    requests.push({ key: headers.get('idempotency-key'), body: String(init?.body) });
    const json =
      status === 201
        ? { id: `order-${requests.length}`, status: 'new', slot: null }
        : { error: { code: status === 409 ? 'closed_now' : 'unavailable', message: 'no' } };
    return new Response(JSON.stringify(json), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  });
  const submit = platformSubmit(
    createPlatformClient('https://fd.example/v1/', { retryDelays: [], fetch }),
    'w',
  );
  return { requests, submit };
}

function kept(storage = createConsentStorage(true, () => area().storage)) {
  const order: KeptOrder = { key: 'key-1', request: callbackRequest('+79123456789') };
  orderOutbox(storage, NAME).keep(order);
  return { storage, order };
}

const events = () => ({ sent: vi.fn(), refused: vi.fn() });

describe('offline orders', () => {
  it('keeps an order with its idempotency key and exact body', () => {
    const local = area();
    const { order } = kept(createConsentStorage(true, () => local.storage));
    expect(JSON.parse(local.data.get(`frontdesk:${NAME}`) ?? '')).toEqual([order]);
    // Keeping the same order again does not double it.
    const storage = createConsentStorage(true, () => local.storage);
    orderOutbox(storage, NAME).keep(order);
    expect(orderOutbox(storage, NAME).list()).toEqual([order]);
  });

  it('sends it once with the same key and body, and deletes it on 201', async () => {
    const { storage, order } = kept();
    const p = platform(201);
    const e = events();
    await sendKept(storage, NAME, p.submit, e);
    expect(p.requests).toEqual([{ key: 'key-1', body: JSON.stringify(order.request) }]);
    expect(e.sent).toHaveBeenCalledWith({ id: 'order-1', status: 'new', slot: null });
    expect(storage.get(NAME)).toBeUndefined();
    // Nothing left: a second 'online' sends nothing.
    await sendKept(storage, NAME, p.submit, e);
    expect(p.requests).toHaveLength(1);
  });

  it('keeps it on a network error or a 5xx, and sends it with the same key later', async () => {
    const { storage } = kept();
    const p = platform('offline', 503, 201);
    const e = events();
    await sendKept(storage, NAME, p.submit, e);
    expect(orderOutbox(storage, NAME).list()).toHaveLength(1);
    await sendKept(storage, NAME, p.submit, e);
    expect(orderOutbox(storage, NAME).list()).toHaveLength(1);
    expect(e.sent).not.toHaveBeenCalled();
    await sendKept(storage, NAME, p.submit, e);
    expect(p.requests.map((r) => r.key)).toEqual(['key-1', 'key-1']);
    expect(e.sent).toHaveBeenCalledTimes(1);
    expect(orderOutbox(storage, NAME).list()).toEqual([]);
  });

  it('keeps it on 408 and 429, which may pass later', async () => {
    const { storage } = kept();
    const e = events();
    await sendKept(storage, NAME, platform(429).submit, e);
    await sendKept(storage, NAME, platform(408).submit, e);
    expect(orderOutbox(storage, NAME).list()).toHaveLength(1);
    expect(e.refused).not.toHaveBeenCalled();
  });

  it('drops it on a 4xx that can never succeed, and reports it', async () => {
    const { storage } = kept();
    const e = events();
    await sendKept(storage, NAME, platform(409).submit, e);
    expect(storage.get(NAME)).toBeUndefined();
    expect(e.refused).toHaveBeenCalledTimes(1);
    const error = e.refused.mock.calls[0]?.[0];
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.code).toBe('closed_now');
    expect(e.sent).not.toHaveBeenCalled();
  });

  it('sends several kept orders each with its own key', async () => {
    const { storage } = kept();
    orderOutbox(storage, NAME).keep({ key: 'key-2', request: callbackRequest('+79123456780') });
    const p = platform(201, 201);
    await sendKept(storage, NAME, p.submit, events());
    expect(p.requests.map((r) => r.key)).toEqual(['key-1', 'key-2']);
    expect(storage.get(NAME)).toBeUndefined();
  });

  it('reads an unreadable value as nothing kept', () => {
    const storage = createConsentStorage(true, () => area().storage);
    storage.set(NAME, '{not json');
    expect(orderOutbox(storage, NAME).list()).toEqual([]);
  });
});
