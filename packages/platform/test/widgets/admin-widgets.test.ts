import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('admin widgets API on $name', (engine) => {
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

  const json = (body: unknown) => ({ body: JSON.stringify(body) });

  it('creates, reads, lists, updates and soft-deletes a widget', async () => {
    const created = await marketer('/v1/admin/widgets', {
      method: 'POST',
      ...json({ type: 'callback', name: 'Shop callback' }),
    });
    expect(created.status).toBe(201);
    const widget = await created.json();
    expect(widget).toMatchObject({
      type: 'callback',
      name: 'Shop callback',
      active: true,
      version: 1,
      deletedAt: null,
    });
    expect(widget.settings).toEqual(defaultSettings('callback'));
    expect(widget.key).toMatch(/^[A-Za-z0-9_-]{6,64}$/);

    expect(await (await marketer(`/v1/admin/widgets/${widget.id}`)).json()).toEqual(widget);
    const list = await (await operator('/v1/admin/widgets')).json();
    expect(list.widgets.map((w: { id: string }) => w.id)).toContain(widget.id);

    const settings = { ...widget.settings, allowedOrigins: ['https://shop.example'] };
    const patched = await marketer(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      ...json({ name: 'Renamed', active: false, settings }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      name: 'Renamed',
      active: false,
      version: 2,
      settings,
    });

    const deleted = await marketer(`/v1/admin/widgets/${widget.id}`, {
      method: 'DELETE',
      ...json({ reason: 'moved to chat' }),
    });
    expect(deleted.status).toBe(204);
    expect((await marketer(`/v1/admin/widgets/${widget.id}`)).status).toBe(404);
    const stored = await t.platform.store.widgets.get(widget.id);
    expect(stored?.deleteReason).toBe('moved to chat');
  });

  it('deletes without a reason too', async () => {
    const widget = await (
      await admin('/v1/admin/widgets', { method: 'POST', ...json({ type: 'chat', name: 'Chat' }) })
    ).json();
    expect((await admin(`/v1/admin/widgets/${widget.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.platform.store.widgets.get(widget.id))?.deleteReason).toBeNull();
  });

  it('takes the site a widget is for, as its owner types it, as its first allowed origin', async () => {
    for (const [site, origin] of [
      ['example.com', 'https://example.com'],
      ['www.example.com', 'https://www.example.com'],
      ['https://example.com:8443', 'https://example.com:8443'],
      ['localhost:3000', 'http://localhost:3000'],
    ]) {
      const created = await marketer('/v1/admin/widgets', {
        method: 'POST',
        ...json({ type: 'chat', name: `For ${site}`, site }),
      });
      expect(created.status).toBe(201);
      expect((await created.json()).settings.allowedOrigins).toEqual([origin]);
    }
    // Beside given settings, once.
    const both = await marketer('/v1/admin/widgets', {
      method: 'POST',
      ...json({
        type: 'call',
        name: 'Both',
        site: 'https://shop.example/contacts',
        settings: { ...defaultSettings('call'), allowedOrigins: ['shop.example', 'a.example'] },
      }),
    });
    expect((await both.json()).settings.allowedOrigins).toEqual([
      'https://shop.example',
      'https://a.example',
    ]);

    for (const site of ['shop', 'ftp://shop.example', '']) {
      const refused = await marketer('/v1/admin/widgets', {
        method: 'POST',
        ...json({ type: 'chat', name: 'Nowhere', site }),
      });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error).toMatchObject({
        code: 'invalid',
        field: 'site',
        message: expect.stringContaining('example.com'),
      });
    }
  });

  it('stores the sites where a widget may run as origins, naming a bad one by its place', async () => {
    const widget = await (
      await marketer('/v1/admin/widgets', { method: 'POST', ...json({ type: 'chat', name: 'S' }) })
    ).json();
    const patch = (allowedOrigins: unknown[]) =>
      marketer(`/v1/admin/widgets/${widget.id}`, {
        method: 'PATCH',
        ...json({ settings: { ...widget.settings, allowedOrigins } }),
      });
    const saved = await patch(['example.com', 'HTTPS://WWW.Example.com:443/', 'localhost:*']);
    expect(saved.status).toBe(200);
    expect((await saved.json()).settings.allowedOrigins).toEqual([
      'https://example.com',
      'https://www.example.com',
      'http://localhost:*',
    ]);
    const bad = await patch(['example.com', 'not a site']);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ field: 'settings.allowedOrigins[1]' });
  });

  it('rejects invalid settings with 400 naming the field', async () => {
    const settings = {
      ...defaultSettings('call'),
      schedule: { ...defaultSettings('call').schedule, timeZone: 'Mars/Base' },
    };
    const response = await admin('/v1/admin/widgets', {
      method: 'POST',
      ...json({ type: 'call', name: 'Call', settings }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 'invalid',
      field: 'settings.schedule.timeZone',
    });

    const wrongType = await admin('/v1/admin/widgets', {
      method: 'POST',
      ...json({ type: 'call', name: 'Call', settings: defaultSettings('chat') }),
    });
    expect((await wrongType.json()).error).toMatchObject({
      code: 'invalid',
      field: 'settings.type',
    });

    const noName = await admin('/v1/admin/widgets', {
      method: 'POST',
      ...json({ type: 'call', name: '  ' }),
    });
    expect((await noName.json()).error).toMatchObject({ code: 'invalid', field: 'name' });
  });

  it('lets an operator read but not edit widgets', async () => {
    const widget = await (
      await admin('/v1/admin/widgets', { method: 'POST', ...json({ type: 'call', name: 'Call' }) })
    ).json();
    expect((await operator(`/v1/admin/widgets/${widget.id}`)).status).toBe(200);
    for (const [path, method] of [
      ['/v1/admin/widgets', 'POST'],
      [`/v1/admin/widgets/${widget.id}`, 'PATCH'],
      [`/v1/admin/widgets/${widget.id}`, 'DELETE'],
    ] as const) {
      const response = await operator(path, { method, ...json({ type: 'call', name: 'X' }) });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('forbidden');
    }
  });

  it('gives the link, button and label codes from the one snippet source, and the test link', async () => {
    const widget = await (
      await admin('/v1/admin/widgets', {
        method: 'POST',
        ...json({ type: 'callback', name: 'Cb' }),
      })
    ).json();
    const embed = await (await marketer(`/v1/admin/widgets/${widget.id}/embed`)).json();
    for (const format of ['button', 'link', 'label']) {
      expect(embed[format]).toContain(
        `Frontdesk('init', {"widget":"${widget.key}","launcher":"${format}"});`,
      );
      expect(embed[format]).toContain(`<script async src="${t.url}/v1/loader.js"></script>`);
    }
    expect(embed.linkAttribute).toBe(`data-frontdesk-open="${widget.key}"`);
    expect(embed.testUrl).toBe(`${t.url}/test/${widget.key}`);
  });

  it('binds a call or callback widget to a unique SIP line of the account, never reused after delete', async () => {
    const lines = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const type = i % 3 === 2 ? 'chat' : i % 2 ? 'call' : 'callback';
      const widget = await (
        await admin('/v1/admin/widgets', { method: 'POST', ...json({ type, name: `W${i}` }) })
      ).json();
      if (type === 'chat') {
        expect(widget.sipLine).toBeNull();
      } else {
        expect(widget.sipLine).toMatch(/^line\d{5}@vpbx1000001\.sip\.test$/);
        expect(lines.has(widget.sipLine)).toBe(false);
        lines.add(widget.sipLine);
      }
      await admin(`/v1/admin/widgets/${widget.id}`, { method: 'DELETE' });
    }
    const all = await (await admin('/v1/admin/sip-lines')).json();
    const released = all.lines.filter((l: { releasedAt: number | null }) => l.releasedAt !== null);
    expect(released.length).toBeGreaterThanOrEqual(lines.size);
    expect(new Set(all.lines.map((l: { line: string }) => l.line)).size).toBe(all.lines.length);
    expect((await marketer('/v1/admin/sip-lines')).status).toBe(403);
  });

  it('refuses writes without the CSRF token or from a foreign Origin, and every call without a session', async () => {
    const noCsrf = await admin('/v1/admin/widgets', {
      method: 'POST',
      headers: { 'x-csrf-token': 'wrong' },
      ...json({ type: 'chat', name: 'X' }),
    });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).error.code).toBe('csrf_failed');
    const foreign = await admin('/v1/admin/widgets', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      ...json({ type: 'chat', name: 'X' }),
    });
    expect(foreign.status).toBe(403);
    const anonymous = await t.request('/v1/admin/widgets');
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthenticated');
  });

  it('never answers a bot token to any role: { set } in its place; keeps, replaces and clears it', async () => {
    const TOKEN = '123456789:AAHtopSecretTokenOfTheShopBot_0001';
    const NEW_TOKEN = '123456789:AAHtheTokenAfterRotationOfTheBot_02';
    const bodies: string[] = [];
    const recorded =
      (fetcher: typeof admin): typeof admin =>
      async (path, init) => {
        const response = await fetcher(path, init);
        bodies.push(await response.clone().text());
        return response;
      };
    const asAdmin = recorded(admin);
    const asMarketer = recorded(marketer);
    const asOperator = recorded(operator);
    const telegram = (botToken?: unknown) => ({
      enabled: true,
      receiver: null,
      botName: 'shop_bot',
      ...(botToken === undefined ? {} : { botToken }),
    });
    const chat = defaultSettings('chat') as ChatSettings;
    const withTelegram = (botToken?: unknown) => ({
      ...chat,
      channels: { ...chat.channels, telegram: telegram(botToken) },
    });
    const stored = () =>
      t.platform.store.secrets.get({ kind: 'widget', id: widget.id }, 'channels.telegram.botToken');
    const patch = async (settings: unknown) => {
      const response = await asMarketer(`/v1/admin/widgets/${widget.id}`, {
        method: 'PATCH',
        ...json({ settings }),
      });
      expect(response.status).toBe(200);
      return (await response.json()).settings.channels.telegram.botToken;
    };

    const created = await asMarketer('/v1/admin/widgets', {
      method: 'POST',
      ...json({ type: 'chat', name: 'Bot chat', settings: withTelegram(TOKEN) }),
    });
    expect(created.status).toBe(201);
    const widget = await created.json();
    expect(widget.settings.channels.telegram).toEqual(telegram({ set: true }));
    for (const who of [asAdmin, asMarketer, asOperator]) {
      const one = await (await who(`/v1/admin/widgets/${widget.id}`)).json();
      expect(one.settings.channels.telegram.botToken).toEqual({ set: true });
      const { widgets } = await (await who('/v1/admin/widgets')).json();
      const listed = widgets.find((w: { id: string }) => w.id === widget.id);
      expect(listed.settings.channels.telegram.botToken).toEqual({ set: true });
    }
    await asOperator(`/v1/admin/widgets/${widget.id}/embed`);
    await recorded(t.request)(`/v1/widgets/${widget.key}/config`);

    // What a read gave, sent back unchanged, keeps the token; so does leaving it out.
    expect(await patch(widget.settings)).toEqual({ set: true });
    expect(await patch(withTelegram())).toEqual({ set: true });
    expect(await stored()).toBe(TOKEN);
    expect(await patch(withTelegram(NEW_TOKEN))).toEqual({ set: true });
    expect(await stored()).toBe(NEW_TOKEN);
    expect(await patch(withTelegram(null))).toEqual({ set: false });
    expect(await stored()).toBeUndefined();

    const malformed = await asMarketer(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      ...json({ settings: withTelegram(`${TOKEN}/../x`) }),
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.field).toBe('settings.channels.telegram.botToken');

    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      expect(body).not.toContain('AAHtopSecret');
      expect(body).not.toContain('AAHtheTokenAfter');
    }
  });

  it('keeps accounts apart', async () => {
    const other = await t.platform.store.accounts.create({
      name: 'Other',
      sipDomain: 'vpbx1000002.sip.test',
    });
    const foreign = await t.platform.store.widgets.create({
      accountId: other.id,
      type: 'chat',
      name: 'Not yours',
      settings: defaultSettings('chat'),
      now: t.clock().getTime(),
    });
    expect((await admin(`/v1/admin/widgets/${foreign.id}`)).status).toBe(404);
    expect((await admin(`/v1/admin/widgets/${foreign.id}`, { method: 'DELETE' })).status).toBe(404);
    const list = await (await admin('/v1/admin/widgets')).json();
    expect(list.widgets.map((w: { id: string }) => w.id)).not.toContain(foreign.id);
  });
});
