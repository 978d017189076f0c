import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('languages of users and the account on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const patch = (body: unknown) => ({ method: 'PATCH', body: JSON.stringify(body) });

  it('a user of any role sets their own language, back to the browser’s with null', async () => {
    const operator = await t.signIn('operator');
    expect((await (await operator('/v1/auth/me')).json()).user.language).toBeNull();

    const set = await operator('/v1/auth/me', patch({ language: 'ru' }));
    expect(set.status).toBe(200);
    expect((await set.json()).user).toMatchObject({ id: t.users.operator.id, language: 'ru' });
    expect((await (await operator('/v1/auth/me')).json()).user.language).toBe('ru');
    // Nobody else's profile changed.
    expect((await t.platform.store.users.get(t.users.admin.id))?.language).toBeNull();

    await operator('/v1/auth/me', patch({ language: null }));
    expect((await (await operator('/v1/auth/me')).json()).user.language).toBeNull();
  });

  it('refuses a language the apps do not speak, and a write without the CSRF token', async () => {
    const marketer = await t.signIn('marketer');
    expect((await marketer('/v1/auth/me', patch({ language: 'de' }))).status).toBe(400);
    const { cookie } = await t.session('marketer');
    const forged = await t.request('/v1/auth/me', {
      ...patch({ language: 'en' }),
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(forged.status).toBe(403);
  });

  it('a new account writes in Russian; an admin sets another language, others may not', async () => {
    const fresh = await t.platform.store.accounts.create({
      name: 'New',
      sipDomain: 'vpbx9.sip.test',
    });
    expect(fresh.language).toBe('ru');
    const [admin, marketer] = await Promise.all([t.signIn('admin'), t.signIn('marketer')]);
    // The test account was made in English (support/platform.ts).
    expect(await (await marketer('/v1/admin/account')).json()).toMatchObject({
      id: t.accountId,
      language: 'en',
    });
    expect((await marketer('/v1/admin/account', patch({ language: 'ru' }))).status).toBe(403);
    const changed = await admin('/v1/admin/account', patch({ language: 'ru' }));
    expect(await changed.json()).toMatchObject({ language: 'ru' });
    expect((await t.platform.store.accounts.get(t.accountId))?.language).toBe('ru');
    expect((await admin('/v1/admin/account', patch({ language: 'fr' }))).status).toBe(400);
    await admin('/v1/admin/account', patch({ language: 'en' }));
    // Another account is not touched.
    expect((await t.platform.store.accounts.get(fresh.id))?.language).toBe('ru');
  });

  it('an admin sets another user’s language (null: their browser’s), and a new user’s', async () => {
    const [admin, marketer] = await Promise.all([t.signIn('admin'), t.signIn('marketer')]);
    const operatorId = t.users.operator.id;
    const set = await admin(`/v1/admin/users/${operatorId}`, patch({ language: 'ru' }));
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ id: operatorId, language: 'ru' });
    expect((await t.platform.store.users.get(operatorId))?.language).toBe('ru');
    // The user sees it on their own profile; what else they had stays.
    const operator = await t.signIn('operator');
    expect((await (await operator('/v1/auth/me')).json()).user).toMatchObject({
      language: 'ru',
      role: 'operator',
    });
    await admin(`/v1/admin/users/${operatorId}`, patch({ language: null }));
    expect((await t.platform.store.users.get(operatorId))?.language).toBeNull();

    const created = await admin('/v1/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        email: 'lang@test.example',
        name: 'Lena',
        role: 'operator',
        password: 'a long password',
        language: 'ru',
      }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ language: 'ru' });
    // Only admins manage people.
    expect(
      (await marketer(`/v1/admin/users/${operatorId}`, patch({ language: 'en' }))).status,
    ).toBe(403);
  });

  it('refuses a language the apps do not speak for another user, naming the field', async () => {
    const admin = await t.signIn('admin');
    for (const language of ['de', 7, '']) {
      const bad = await admin(`/v1/admin/users/${t.users.operator.id}`, patch({ language }));
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.field).toBe('language');
    }
    expect((await t.platform.store.users.get(t.users.operator.id))?.language).toBeNull();
  });
});
