import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiListener, createApiListener } from '../src/api-listener';

let listener: ApiListener;
let url: string;
beforeAll(async () => {
  listener = createApiListener('127.0.0.1', 0);
  listener.app.get('/ping', async () => ({ pong: true }));
  url = await listener.start();
});
afterAll(() => listener?.close());

const ping = (init?: RequestInit) => fetch(`${url}/ping`, init);

describe('an API listener', () => {
  it('refuses connections while down, and answers on the same port once up', async () => {
    let ups = 0;
    listener.onUp(() => {
      ups += 1;
    });
    await listener.down('refused');
    const refused = await ping().catch((error: Error & { cause?: { code?: string } }) => error);
    expect((refused as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
    await listener.up();
    expect(ups).toBe(1);
    expect(await (await ping()).json()).toEqual({ pong: true });
  });

  it('answers 502 from its front while the service is away', async () => {
    await listener.down('bad-gateway');
    const response = await ping();
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
    await listener.up();
    expect((await ping()).status).toBe(200);
  });

  it('answers late while slowed down', async () => {
    listener.slow(3000);
    await expect(ping({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    listener.slow(0);
    expect((await ping({ signal: AbortSignal.timeout(3000) })).status).toBe(200);
  });
});
