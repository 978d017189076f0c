import { PlatformError, request } from '@frontdesk/staff';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, noContent, refusal, stubPlatform } from './platform-stub';

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('reads with the session cookie and without a CSRF token', async () => {
    const received = stubPlatform(json({ widgets: [] }));
    expect(await request('/v1/admin/widgets')).toEqual({ widgets: [] });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      url: '/v1/admin/widgets',
      method: 'GET',
      credentials: 'same-origin',
      body: undefined,
    });
    expect(received[0]?.headers.has('x-csrf-token')).toBe(false);
    expect(received[0]?.headers.has('content-type')).toBe(false);
  });

  it('writes JSON and echoes the session’s CSRF token', async () => {
    const received = stubPlatform(json({ id: 'w1' }, 201));
    const answer = await request('/v1/admin/widgets', {
      method: 'POST',
      body: { name: 'Main' },
      session: { csrfToken: 'csrf-1' },
    });
    expect(answer).toEqual({ id: 'w1' });
    expect(received[0]?.method).toBe('POST');
    expect(received[0]?.body).toEqual({ name: 'Main' });
    expect(received[0]?.headers.get('content-type')).toBe('application/json');
    expect(received[0]?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('gives undefined for 204 No Content', async () => {
    stubPlatform(noContent());
    expect(await request('/v1/auth/logout', { method: 'POST' })).toBeUndefined();
  });

  it('maps an error answer to a PlatformError with its code, message and field', async () => {
    stubPlatform(refusal(400, { code: 'invalid', message: 'Name is required.', field: 'name' }));
    const error = await request('/v1/admin/widgets', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      name: 'PlatformError',
      status: 400,
      code: 'invalid',
      message: 'Name is required.',
      field: 'name',
    });
  });

  it('maps an answer that is not JSON to code `unknown` and the status text', async () => {
    stubPlatform(new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(request('/v1/admin/widgets')).rejects.toMatchObject({
      status: 502,
      code: 'unknown',
      message: 'Bad Gateway',
      field: undefined,
    });
  });
});
