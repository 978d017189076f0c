import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('operators and groups API on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: Awaited<ReturnType<TestPlatform['signIn']>>;
  let marketer: typeof admin;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    [admin, marketer] = await Promise.all([t.signIn('admin'), t.signIn('marketer')]);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const json = (body: unknown) => ({ body: JSON.stringify(body) });

  it('an admin adds an operator who can then sign in, edits and removes them', async () => {
    const created = await admin('/v1/admin/users', {
      method: 'POST',
      ...json({
        email: 'Ann@Test.Example',
        name: 'Ann',
        role: 'operator',
        password: 'a long password',
      }),
    });
    expect(created.status).toBe(201);
    const ann = await created.json();
    expect(ann).toMatchObject({ email: 'ann@test.example', role: 'operator', photoUrl: null });
    expect(ann.passwordHash).toBeUndefined();

    const login = await t.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ann@test.example', password: 'a long password' }),
    });
    expect(login.status).toBe(200);

    const patched = await admin(`/v1/admin/users/${ann.id}`, {
      method: 'PATCH',
      ...json({ name: 'Ann B.', photoUrl: 'https://cdn.example/ann.png' }),
    });
    expect(await patched.json()).toMatchObject({
      name: 'Ann B.',
      photoUrl: 'https://cdn.example/ann.png',
    });

    const duplicate = await admin('/v1/admin/users', {
      method: 'POST',
      ...json({
        email: 'ann@test.example',
        name: 'Ann 2',
        role: 'operator',
        password: 'a long password',
      }),
    });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatchObject({ code: 'email_taken', field: 'email' });

    expect((await admin(`/v1/admin/users/${ann.id}`, { method: 'DELETE' })).status).toBe(204);
    const users = await (await admin('/v1/admin/users')).json();
    expect(users.users.map((u: { id: string }) => u.id)).not.toContain(ann.id);
  });

  it('groups operators; members must belong to the account', async () => {
    const group = await (
      await admin('/v1/admin/groups', {
        method: 'POST',
        ...json({ name: 'Sales', memberIds: [t.users.operator.id] }),
      })
    ).json();
    expect(group).toMatchObject({ name: 'Sales', memberIds: [t.users.operator.id] });
    const patched = await admin(`/v1/admin/groups/${group.id}`, {
      method: 'PATCH',
      ...json({ memberIds: [t.users.operator.id, t.users.admin.id] }),
    });
    expect((await patched.json()).memberIds).toEqual([t.users.operator.id, t.users.admin.id]);
    const bad = await admin(`/v1/admin/groups/${group.id}`, {
      method: 'PATCH',
      ...json({ memberIds: ['nobody'] }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('memberIds[0]');
    expect((await admin(`/v1/admin/groups/${group.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it("keeps a group's rules for text enquiries: today's by default, each field checked", async () => {
    const group = await (
      await admin('/v1/admin/groups', { method: 'POST', ...json({ name: 'Support' }) })
    ).json();
    expect(group.chatRules).toEqual({ mode: 'everyone', limit: 3, answerSeconds: 0 });
    const rules = { mode: 'distribute', limit: 0, answerSeconds: 90 };
    const patched = await admin(`/v1/admin/groups/${group.id}`, {
      method: 'PATCH',
      ...json({ chatRules: rules }),
    });
    expect((await patched.json()).chatRules).toEqual(rules);
    const listed = await (await admin('/v1/admin/groups')).json();
    expect(listed.groups.find((g: { id: string }) => g.id === group.id).chatRules).toEqual(rules);
    for (const [chatRules, field] of [
      [{ ...rules, limit: -1 }, 'chatRules.limit'],
      [{ ...rules, answerSeconds: 1.5 }, 'chatRules.answerSeconds'],
      [{ ...rules, mode: 'random' }, 'chatRules.mode'],
    ] as const) {
      const bad = await admin(`/v1/admin/groups/${group.id}`, {
        method: 'PATCH',
        ...json({ chatRules }),
      });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.field).toBe(field);
    }
  });

  it('a marketer sees people (to pick who answers) but cannot manage operators or groups', async () => {
    expect((await marketer('/v1/admin/users')).status).toBe(200);
    expect((await marketer('/v1/admin/groups')).status).toBe(200);
    const attempts = [
      marketer('/v1/admin/users', {
        method: 'POST',
        ...json({ email: 'x@test.example', name: 'X', role: 'admin', password: 'a long password' }),
      }),
      marketer(`/v1/admin/users/${t.users.operator.id}`, {
        method: 'PATCH',
        ...json({ role: 'admin' }),
      }),
      marketer(`/v1/admin/users/${t.users.operator.id}`, { method: 'DELETE' }),
      marketer('/v1/admin/groups', { method: 'POST', ...json({ name: 'Mine' }) }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
  });

  it('an admin cannot delete their own user', async () => {
    const response = await admin(`/v1/admin/users/${t.users.admin.id}`, { method: 'DELETE' });
    expect(response.status).toBe(409);
  });
});
