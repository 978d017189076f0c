import { fetchPresence, NOBODY } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testHost } from './support/widget-host';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** `fetch` answering `body` (or failing with `error`), recording what it was asked. */
function platform(body: unknown, error?: Error) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (error) throw error;
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('fetchPresence', () => {
  it("asks the platform's presence endpoint of the widget, without credentials", async () => {
    const fetch = platform({ presence: 'busy', callback: 'online' });
    expect(await fetchPresence(testHost('demo chat', {}))).toEqual({
      presence: 'busy',
      callback: 'online',
    });
    expect(fetch).toHaveBeenCalledWith('https://fd.example/v1/widgets/demo%20chat/presence', {
      credentials: 'omit',
    });
  });

  it('is nobody when the platform cannot be asked or answers something else', async () => {
    platform(undefined, new TypeError('Failed to fetch'));
    expect(await fetchPresence(testHost('k', {}))).toEqual(NOBODY);
    platform({ error: { code: 'widget_not_found', message: 'No widget' } });
    expect(await fetchPresence(testHost('k', {}))).toEqual(NOBODY);
    platform({ presence: 'maybe' });
    expect(await fetchPresence(testHost('k', {}))).toEqual({ presence: 'nobody' });
  });

  it("takes the Studio preview's presence, online unless told, and asks nothing", async () => {
    const fetch = platform({ presence: 'nobody' });
    expect(await fetchPresence(testHost('k', {}, { preview: 'working' }))).toEqual({
      presence: 'online',
      callback: 'online',
    });
    expect(
      await fetchPresence(testHost('k', {}, { preview: 'working', presence: 'nobody' })),
    ).toEqual({ presence: 'nobody', callback: 'nobody' });
    expect(fetch).not.toHaveBeenCalled();
  });
});
