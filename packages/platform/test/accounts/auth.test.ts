import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, verifyPassword } from '../../src/accounts/passwords';
import { engines, type TestDatabase } from '../support/databases';
import { PASSWORD, startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('sessions on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, {
      limits: { loginPerIp: 1000, loginFailuresPerEmailAndIp: 3, windowSeconds: 60 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    t.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });

  it('signs in with an httpOnly SameSite=Strict cookie and a CSRF token, and says who is signed in', async () => {
    const response = await login('  Operator@Test.Example ', PASSWORD);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.user).toMatchObject({ email: 'operator@test.example', role: 'operator' });
    expect(body.user.passwordHash).toBeUndefined();
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^fd_session=[A-Za-z0-9_-]{40,}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const me = await t.request('/v1/auth/me', { headers: { cookie: cookie?.split(';')[0] ?? '' } });
    expect((await me.json()).user.id).toBe(t.users.operator.id);
  });

  it('refuses a wrong password or an unknown address with the same answer', async () => {
    for (const [email, password] of [
      ['admin@test.example', 'not the password'],
      ['nobody@test.example', PASSWORD],
    ]) {
      const response = await login(email ?? '', password ?? '');
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'The e-mail or the password is wrong.' },
      });
    }
  });

  it('limits failed sign-ins per address', async () => {
    const email = 'marketer@test.example';
    for (let i = 0; i < 3; i++) expect((await login(email, 'wrong')).status).toBe(401);
    const limited = await login(email, PASSWORD);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // Other users are not locked out.
    expect((await login('admin@test.example', PASSWORD)).status).toBe(200);
  });

  it('refuses a sign-in posted from a foreign page', async () => {
    const response = await login('admin@test.example', PASSWORD, {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
  });

  it('ends the session on logout', async () => {
    const admin = await t.signIn('admin');
    expect((await admin('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await admin('/v1/auth/me')).status).toBe(401);
  });

  it('expires a session after its lifetime, by the platform clock', async () => {
    const admin = await t.signIn('admin');
    expect((await admin('/v1/auth/me')).status).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1);
    try {
      expect((await admin('/v1/auth/me')).status).toBe(401);
    } finally {
      t.clock.advance(-(12 * 3_600_000 + 1));
    }
  });

  describe('the /ops namespace', () => {
    const sockets: Socket[] = [];
    afterAll(() => {
      for (const socket of sockets) socket.disconnect();
    });

    /** Connects to /ops; resolves to the hello event or the connection error's message. */
    function ops(headers: Record<string, string>): Promise<{ hello?: unknown; error?: string }> {
      const socket = connect(`${t.url}/ops`, {
        transports: ['websocket'],
        extraHeaders: headers,
        reconnection: false,
      });
      sockets.push(socket);
      return new Promise((resolve) => {
        socket.on('hello', (hello) => resolve({ hello }));
        socket.on('connect_error', (error) => resolve({ error: error.message }));
      });
    }

    it('accepts a signed-in operator and says who they are', async () => {
      const response = await login('operator@test.example', PASSWORD);
      const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      expect(await ops({ cookie })).toEqual({
        hello: { user: { id: t.users.operator.id, name: 'Operator Person', role: 'operator' } },
      });
    });

    it('refuses a socket without a session, with a stale one, or from a foreign origin', async () => {
      expect(await ops({})).toEqual({ error: 'unauthenticated' });
      expect(await ops({ cookie: 'fd_session=forged' })).toEqual({ error: 'unauthenticated' });
      const response = await login('operator@test.example', PASSWORD);
      const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      expect(await ops({ cookie, origin: 'https://evil.example' })).toEqual({
        error: 'origin_not_allowed',
      });
    });
  });
});

describe.each(engines)('password hashes at the default cost on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    // The production cost; the test users' hashes are made at the tests' 2^14.
    t = await startPlatform(database, { passwordCost: DEFAULT_PASSWORD_COST });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const storedHash = async (id: string) => (await t.platform.store.users.get(id))?.passwordHash;

  it('upgrade an older, cheaper hash at the next sign-in, once', async () => {
    const { operator } = t.users;
    expect(await storedHash(operator.id)).toMatch(/^scrypt\$16384\$8\$1\$/);
    await t.session('operator');
    const upgraded = await storedHash(operator.id);
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(PASSWORD, upgraded ?? '')).toBe(true);
    // The new hash signs in, and is kept as it is.
    await t.session('operator');
    expect(await storedHash(operator.id)).toBe(upgraded);
  });

  it('hash the passwords an admin sets at the default cost', async () => {
    const admin = await t.signIn('admin');
    const response = await admin('/v1/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'new@test.example',
        name: 'New Person',
        role: 'operator',
        password: 'a long new password',
      }),
    });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(await storedHash(id)).toMatch(/^scrypt\$131072\$8\$1\$/);
  });
});
