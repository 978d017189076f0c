import { defaultSettings, type WidgetSettings } from '@frontdesk/config';
import { callbackSlots, createSchedule } from '@frontdesk/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESENCE_MAX_AGE } from '../../src/widgets/public-widgets';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps } from '../support/ops-client';
import { startPlatform, type TestPlatform } from '../support/platform';
import { newAccount } from '../support/store-fixtures';

describe.each(engines)('public widget endpoints on $name', (engine) => {
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

  /** A widget of the test account, made through the store. */
  async function widget(
    type: WidgetSettings['type'],
    patch: Partial<WidgetSettings> = {},
    active = true,
  ) {
    const settings = {
      ...defaultSettings(type),
      allowedOrigins: ['https://shop.example', 'http://localhost:*'],
      ...patch,
    } as WidgetSettings;
    return t.platform.store.widgets.create({
      accountId: t.accountId,
      type,
      name: `Site ${type}`,
      settings,
      active,
      now: t.clock().getTime(),
    });
  }

  it('serves the public config with the next 60 calendar days, short-cached with an ETag', async () => {
    const w = await widget('callback');
    const response = await t.request(`/v1/widgets/${w.key}/config`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    const config = await response.json();
    expect(config).toMatchObject({ v: 1, key: w.key, type: 'callback' });
    expect(config.schedule.timeZone).toBe(w.settings.schedule.timeZone);
    expect(config.calendar.from).toBe('2026-03-04');
    expect(config.calendar.to).toBe('2026-05-02');
    // The moved day off after 8 March is in the window.
    expect(config.calendar.days['2026-03-09']).toBe('off');

    const again = await t.request(`/v1/widgets/${w.key}/config`, {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('compresses the config as the browser accepts (brotli, else gzip), and not for one that takes none', async () => {
    const w = await widget('chat');
    const plain = await t.request(`/v1/widgets/${w.key}/config`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = await plain.text();
    expect(body.length).toBeGreaterThan(1024);
    for (const [accepts, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate', 'gzip'],
    ] as const) {
      const response = await t.request(`/v1/widgets/${w.key}/config`, {
        headers: { 'accept-encoding': accepts },
      });
      expect(response.headers.get('content-encoding'), accepts).toBe(encoding);
      expect(response.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
      // fetch undoes the encoding: the same config.
      expect(await response.text()).toBe(body);
    }
  });

  it('changes the ETag when the widget changes, and when the calendar window moves a day', async () => {
    const w = await widget('chat');
    const etagOf = async () => (await t.request(`/v1/widgets/${w.key}/config`)).headers.get('etag');
    const first = await etagOf();
    await t.platform.store.widgets.update(w.id, { name: 'Renamed', now: t.clock().getTime() });
    const second = await etagOf();
    expect(second).not.toBe(first);
    t.clock.advance(24 * 3_600_000);
    const third = await etagOf();
    t.clock.advance(-24 * 3_600_000);
    expect(third).not.toBe(second);
  });

  it('answers presence apart, briefly cached, and leaves the config and its ETag alone', async () => {
    const w = await widget('chat');
    const configEtag = async () =>
      (await t.request(`/v1/widgets/${w.key}/config`)).headers.get('etag');
    const before = await configEtag();
    const presence = () =>
      t.request(`/v1/widgets/${w.key}/presence`, { headers: { origin: 'https://shop.example' } });
    const nobody = await presence();
    expect(nobody.status).toBe(200);
    expect(nobody.headers.get('cache-control')).toBe(`public, max-age=${PRESENCE_MAX_AGE}`);
    expect(nobody.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(await nobody.json()).toEqual({ presence: 'nobody' });

    const operator = await connectOps(t, 'operator');
    try {
      expect(await (await presence()).json()).toEqual({ presence: 'online' });
      // The config does not follow presence: still cached, still revalidated by the same ETag.
      expect(await configEtag()).toBe(before);
      const config = await t.request(`/v1/widgets/${w.key}/config`);
      expect(config.headers.get('cache-control')).toBe('public, max-age=60');
    } finally {
      operator.socket.close();
    }
    const foreign = await t.request(`/v1/widgets/${w.key}/presence`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect((await t.request('/v1/widgets/no-such-widget/presence')).status).toBe(404);
  });

  it("tags the config with the account's tag: one for its widgets, never its id", async () => {
    const [a, b] = [await widget('chat'), await widget('callback')];
    const tagOf = async (key: string) =>
      (await (await t.request(`/v1/widgets/${key}/config`)).json()).accountTag as string;
    const tag = await tagOf(a.key);
    expect(tag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await tagOf(b.key)).toBe(tag);
    const stranger = await t.platform.store.widgets.create({
      accountId: (await newAccount(t.platform.store)).id,
      type: 'chat',
      name: 'Another company',
      settings: a.settings,
      now: t.clock().getTime(),
    });
    expect(await tagOf(stranger.key)).not.toBe(tag);
    expect(tag).not.toContain(t.accountId.slice(0, 8));
  });

  it('keeps staff contacts, tokens, receivers, lines and origins out of the public config', async () => {
    const callback = defaultSettings('callback');
    const w = await widget('callback', {
      mode: { kind: 'manual', emails: ['secret.boss@corp.example'], smsNumbers: ['+79990001122'] },
    } as Partial<WidgetSettings>);
    expect(callback.type).toBe('callback');
    const text = await (await t.request(`/v1/widgets/${w.key}/config`)).text();
    for (const secret of [
      'secret.boss@corp.example',
      '+79990001122',
      'shop.example',
      'localhost',
      w.sipLine ?? 'line',
      t.accountId,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers an allowed Origin with CORS headers, refuses a foreign one, and allows no Origin', async () => {
    const w = await widget('call');
    const allowed = await t.request(`/v1/widgets/${w.key}/config`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('vary')).toContain('Origin');

    const anyPort = await t.request(`/v1/widgets/${w.key}/config`, {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(anyPort.status).toBe(200);

    const foreign = await t.request(`/v1/widgets/${w.key}/config`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      error: {
        code: 'origin_not_allowed',
        message: `widget ${w.key} is not allowed on https://evil.example — add it in the Studio: the widget's Settings → Sites where the widget may run`,
      },
    });

    // The platform's own pages (the Test-widget page) may always use its widgets.
    const own = await t.request(`/v1/widgets/${w.key}/config`, { headers: { origin: t.url } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(t.url);

    const none = await t.request(`/v1/widgets/${w.key}/config`);
    expect(none.status).toBe(200);
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the refused page read why: the refusal and a missing widget carry CORS headers, no config', async () => {
    const w = await widget('callback');
    for (const path of ['config', 'slots']) {
      const foreign = await t.request(`/v1/widgets/${w.key}/${path}`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(foreign.headers.get('vary')).toContain('Origin');
      expect(foreign.headers.get('cache-control')).toBeNull();
      const body = await foreign.text();
      expect(JSON.parse(body).error.code).toBe('origin_not_allowed');
      for (const secret of ['schedule', 'shop.example', 'localhost']) {
        expect(body).not.toContain(secret);
      }
    }
    const missing = await t.request('/v1/widgets/no-such-widget/config', {
      headers: { origin: 'https://shop.example' },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await missing.json()).error.code).toBe('widget_not_found');
  });

  it('answers a CORS preflight from an allowed origin only', async () => {
    const w = await widget('callback');
    const ok = await t.request(`/v1/widgets/${w.key}/callbacks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const bad = await t.request(`/v1/widgets/${w.key}/callbacks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(bad.status).toBe(403);
  });

  it('404s an unknown, an inactive and a deleted widget with a clear message', async () => {
    const inactive = await widget('chat', {}, false);
    const deleted = await widget('chat');
    await t.platform.store.widgets.softDelete(deleted.id, {
      reason: 'test',
      now: t.clock().getTime(),
    });
    for (const key of ['no-such-widget', inactive.key, deleted.key]) {
      for (const path of ['config', 'slots', 'presence']) {
        const response = await t.request(`/v1/widgets/${key}/${path}`);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({
          error: { code: 'widget_not_found', message: `No active widget has the key "${key}".` },
        });
      }
    }
  });

  it('serves the same slots as the engine, at the injected time', async () => {
    const w = await widget('callback');
    const expected = callbackSlots(createSchedule(w.settings.schedule), t.clock()).map((s) => ({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
    }));
    expect(expected.length).toBeGreaterThan(0);
    const response = await t.request(`/v1/widgets/${w.key}/slots`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      timeZone: w.settings.schedule.timeZone,
      slots: expected,
    });

    const oneDay = await (await t.request(`/v1/widgets/${w.key}/slots?days=1`)).json();
    const days = new Set(oneDay.slots.map((s: { start: string }) => s.start.slice(0, 10)));
    expect(days.size).toBe(1);
    const bad = await t.request(`/v1/widgets/${w.key}/slots?days=40`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('days');
  });
});
