import { createPlatformClient, PlatformError } from '@frontdesk/core';
import { describe, expect, it, vi } from 'vitest';

const API = 'https://fd.example/v1/';

function answers(...list: (Response | Error)[]) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    const next = list.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  });
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the platform client', () => {
  it('posts JSON with the idempotency key and no credentials', async () => {
    const fetch = answers(json({ id: 'c1', status: 'new', slot: null }, 201));
    const client = createPlatformClient(API, { fetch });
    await expect(
      client.post('widgets/w/callbacks', { phone: '+79161234567' }, 'key-1'),
    ).resolves.toEqual({
      id: 'c1',
      status: 'new',
      slot: null,
    });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${API}widgets/w/callbacks`);
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-1' },
      body: '{"phone":"+79161234567"}',
    });
  });

  it('retries network failures and 5xx answers with the same key', async () => {
    const fetch = answers(new TypeError('Failed to fetch'), json({}, 503), json({ id: 'c1' }, 201));
    const client = createPlatformClient(API, { fetch, retryDelays: [0, 0] });
    await expect(client.post('x', {}, 'key-1')).resolves.toEqual({ id: 'c1' });
    expect(fetch).toHaveBeenCalledTimes(3);
    const keys = fetch.mock.calls.map(
      ([, init]) => (init?.headers as Record<string, string> | undefined)?.['idempotency-key'],
    );
    expect(keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('gives up as a network error when the platform stays away', async () => {
    const client = createPlatformClient(API, {
      fetch: answers(new TypeError('x'), new TypeError('x')),
      retryDelays: [0],
    });
    await expect(client.post('x', {}, 'k')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('turns error answers into PlatformErrors with code and field, without retrying 4xx', async () => {
    const fetch = answers(
      json({ error: { code: 'invalid_phone', field: 'phone', message: 'Bad phone.' } }, 400),
    );
    const client = createPlatformClient(API, { fetch, retryDelays: [0, 0] });
    const error = await client.post('x', {}, 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_phone',
      field: 'phone',
      message: 'Bad phone.',
    });
    expect(fetch).toHaveBeenCalledTimes(1);

    const rateLimited = answers(new Response('Too many', { status: 429 }));
    await expect(
      createPlatformClient(API, { fetch: rateLimited }).post('x', {}, 'k'),
    ).rejects.toMatchObject({
      status: 429,
      code: 'http_429',
    });
  });
});
