/** The trunks API: admins only, the password write-only; employees' external phones. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

const PASSWORD = 'trunk-password-never-returned';

describe.each(engines)('trunks API on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: Awaited<ReturnType<TestPlatform['signIn']>>;
  let marketer: typeof admin;
  let operator: typeof admin;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    [admin, marketer, operator] = await Promise.all([
      t.signIn('admin'),
      t.signIn('marketer'),
      t.signIn('operator'),
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const send = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) });
  const trunk = {
    name: 'Provider',
    host: 'SIP.Provider.Example',
    transport: 'tcp',
    username: 'acme',
    password: PASSWORD,
    register: true,
    callerId: '+74951230000',
    callerIdHeader: 'pai',
    maxCalls: 3,
    destinations: ['7', '375'],
  };

  it('an admin adds, reads, changes and removes a trunk; the password never comes back', async () => {
    const created = await admin('/v1/admin/trunks', send('POST', trunk));
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain(PASSWORD);
    const { password: _, ...fields } = trunk;
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      ...fields,
      host: 'sip.provider.example',
      port: 5060,
      password: { set: true },
      // No SIP edge runs here: where the registration stands is not known.
      registration: { state: 'pending' },
    });
    expect(await t.platform.store.secrets.get({ kind: 'trunk', id: body.id }, 'password')).toBe(
      PASSWORD,
    );

    const listed = await admin('/v1/admin/trunks');
    const listedText = await listed.text();
    expect(listedText).not.toContain(PASSWORD);
    expect(JSON.parse(listedText).trunks).toEqual([body]);

    // `{ set }` and leaving it out keep the password; a string replaces it; null clears it.
    const kept = await admin(
      `/v1/admin/trunks/${body.id}`,
      send('PATCH', { name: 'Renamed', password: { set: true } }),
    );
    expect(await kept.json()).toMatchObject({ name: 'Renamed', password: { set: true } });
    const replaced = await admin(
      `/v1/admin/trunks/${body.id}`,
      send('PATCH', { password: 'another-password' }),
    );
    expect(await replaced.text()).not.toContain('another-password');
    expect(await t.platform.store.secrets.get({ kind: 'trunk', id: body.id }, 'password')).toBe(
      'another-password',
    );
    const cleared = await admin(`/v1/admin/trunks/${body.id}`, send('PATCH', { password: null }));
    expect(await cleared.json()).toMatchObject({ password: { set: false } });
    const unregistered = await admin(
      `/v1/admin/trunks/${body.id}`,
      send('PATCH', { register: false }),
    );
    expect(await unregistered.json()).toMatchObject({ registration: { state: 'off' } });

    expect((await admin(`/v1/admin/trunks/${body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await admin('/v1/admin/trunks')).json()).toEqual({ trunks: [] });
    expect(
      await t.platform.store.secrets.get({ kind: 'trunk', id: body.id }, 'password'),
    ).toBeUndefined();
  });

  it('is for admins only', async () => {
    for (const who of [marketer, operator]) {
      expect((await who('/v1/admin/trunks')).status).toBe(403);
      expect((await who('/v1/admin/trunks', send('POST', trunk))).status).toBe(403);
    }
    expect((await t.request('/v1/admin/trunks')).status).toBe(401);
  });

  it('names the field of bad input', async () => {
    for (const [field, value] of [
      ['host', 'sip provider'],
      ['transport', 'sctp'],
      ['port', 70000],
      ['username', 'a b'],
      ['password', 'with space'],
      ['callerId', '84951230000'],
      ['destinations', ['999']],
      ['destinations', []],
      ['maxCalls', 0],
    ] as const) {
      const response = await admin('/v1/admin/trunks', send('POST', { ...trunk, [field]: value }));
      expect(response.status, field).toBe(400);
      const { error } = await response.json();
      expect(error.field, field).toMatch(new RegExp(`^${field}`));
    }
    const missing = await admin(`/v1/admin/trunks/no-such-trunk`, send('PATCH', { name: 'x' }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('trunk_not_found');
  });

  it('keeps an employee’s external phone in their profile', async () => {
    const created = await admin(
      '/v1/admin/users',
      send('POST', {
        email: 'phone@test.example',
        name: 'Pat',
        role: 'operator',
        password: 'a long password',
        phone: '+74951110001',
      }),
    );
    const pat = await created.json();
    expect(pat.phone).toBe('+74951110001');
    const patched = await admin(`/v1/admin/users/${pat.id}`, send('PATCH', { phone: null }));
    expect((await patched.json()).phone).toBeNull();
    const bad = await admin(`/v1/admin/users/${pat.id}`, send('PATCH', { phone: '12345' }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('phone');
  });
});
