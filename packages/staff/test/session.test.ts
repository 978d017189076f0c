import { currentSession, signIn, signOut } from '@frontdesk/staff';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, noContent, operatorSession, refusal, stubPlatform } from './platform-stub';

afterEach(() => vi.unstubAllGlobals());

describe('the session API', () => {
  it('signs in with e-mail and password', async () => {
    const received = stubPlatform(json(operatorSession));
    expect(await signIn('operator@demo.test', 'demo-password')).toEqual(operatorSession);
    expect(received[0]).toMatchObject({
      url: '/v1/auth/login',
      method: 'POST',
      body: { email: 'operator@demo.test', password: 'demo-password' },
    });
  });

  it('gives the current session, or null when the cookie holds none', async () => {
    stubPlatform(
      json(operatorSession),
      refusal(401, { code: 'unauthorized', message: 'Sign in.' }),
    );
    expect(await currentSession()).toEqual(operatorSession);
    expect(await currentSession()).toBeNull();
  });

  it('passes on any other failure to find the session', async () => {
    stubPlatform(refusal(503, { code: 'unavailable', message: 'Try again.' }));
    await expect(currentSession()).rejects.toMatchObject({ status: 503, code: 'unavailable' });
  });

  it('signs out with the session’s CSRF token', async () => {
    const received = stubPlatform(noContent());
    await expect(signOut(operatorSession)).resolves.toBeUndefined();
    expect(received[0]).toMatchObject({ url: '/v1/auth/logout', method: 'POST' });
    expect(received[0]?.headers.get('x-csrf-token')).toBe('csrf-1');
  });
});
