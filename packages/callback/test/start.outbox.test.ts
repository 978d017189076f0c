// @vitest-environment jsdom
import { start } from '@frontdesk/callback';
import type { WidgetHost } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '../../core/test/support/wait-for';
import { callbackConfig } from './fixtures';

const OUTBOX = 'frontdesk:callback:outbox:test-callback';
const request = {
  phone: '+79123456789',
  now: true,
  page: { url: 'https://shop.example/', title: 'Shop', referrer: '', utm: {} },
  timeZone: 'Europe/Moscow',
  website: '',
};

function host() {
  const emit = vi.fn<(event: string, detail?: unknown) => void>();
  const report = vi.fn<(error: unknown) => void>();
  const widgetHost: WidgetHost = {
    key: 'test-callback',
    config: callbackConfig(),
    consent: false,
    api: 'https://fd.example/v1/',
    emit,
    report,
  };
  return Object.assign(widgetHost, { emit, report });
}

/**
 * The order endpoint: answers `status`; records the idempotency keys it got. (The launcher's
 * presence question gets its answer too: nobody.)
 */
function endpoint(status: number) {
  const keys: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url.endsWith('/presence')) return new Response(JSON.stringify({ presence: 'nobody' }));
      keys.push(new Headers(init.headers).get('idempotency-key') ?? '');
      const body =
        status === 201
          ? { id: 'o1', status: 'new', slot: null }
          : { error: { code: 'invalid_phone', field: 'phone', message: 'no' } };
      return new Response(JSON.stringify(body), { status });
    }),
  );
  return keys;
}

let online = true;
beforeEach(() => {
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  localStorage.setItem(OUTBOX, JSON.stringify([{ key: 'kept-1', request }]));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  document.body.replaceChildren();
});

describe('orders kept offline, at the next page load', () => {
  it('are sent once with their key and deleted when the platform confirms', async () => {
    const keys = endpoint(201);
    const h = host();
    const handle = start(h);
    await waitFor(() => expect(localStorage.getItem(OUTBOX)).toBeNull());
    expect(keys).toEqual(['kept-1']);
    expect(h.emit).toHaveBeenCalledWith('callback:submitted', {
      widget: 'test-callback',
      id: 'o1',
      status: 'new',
      slot: null,
    });
    window.dispatchEvent(new Event('online'));
    await new Promise((done) => setTimeout(done, 50));
    expect(keys).toEqual(['kept-1']);
    handle.destroy();
  });

  it('wait for the `online` event when the browser is offline', async () => {
    online = false;
    const keys = endpoint(201);
    const handle = start(host());
    await new Promise((done) => setTimeout(done, 50));
    expect(keys).toEqual([]);
    online = true;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(localStorage.getItem(OUTBOX)).toBeNull());
    expect(keys).toEqual(['kept-1']);
    handle.destroy();
  });

  it('are dropped and reported when the platform refuses them for good', async () => {
    endpoint(400);
    const h = host();
    const handle = start(h);
    await waitFor(() => expect(localStorage.getItem(OUTBOX)).toBeNull());
    expect(h.report).toHaveBeenCalledTimes(1);
    expect(h.report.mock.calls[0]?.[0]).toMatchObject({ status: 400, code: 'invalid_phone' });
    expect(h.emit).not.toHaveBeenCalledWith('callback:submitted', expect.anything());
    handle.destroy();
  });
});
