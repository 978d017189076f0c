import { defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

const sqlite = engines.find((engine) => engine.name === 'sqlite');

describe('the widget pages: Test-widget page and pop-out call window', () => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    if (!sqlite) throw new Error('the SQLite test engine is missing');
    database = await sqlite.open();
    t = await startPlatform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const widget = (type: 'call' | 'callback') =>
    t.platform.store.widgets.create({
      accountId: t.accountId,
      type,
      name: `<b>${type}</b> & co`,
      settings: defaultSettings(type),
      now: t.clock().getTime(),
    });

  it('shows one widget, opened, under a nonce policy, its name as text', async () => {
    const w = await widget('callback');
    const response = await t.request(`/test/${w.key}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(html.match(new RegExp(`nonce="${nonce?.replace(/[+/=]/g, '\\$&')}"`, 'g'))).toHaveLength(
      3,
    );
    expect(html).toContain('<h1>&lt;b&gt;callback&lt;/b&gt; &amp; co</h1>');
    expect(html).toContain(`Frontdesk('open', "${w.key}");`);
    expect(policy).not.toContain('media-src');
    expect(response.headers.get('permissions-policy')).toBeNull();
    expect((await t.request('/test/no-such-widget')).status).toBe(404);
    expect((await t.request('/test/bad%20key')).status).toBe(404);
  });

  it('opens a call widget in its own window, with the microphone allowed', async () => {
    const w = await widget('call');
    const response = await t.request(`/call/${w.key}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      `window.name = "frontdesk-call-${w.key}"; Frontdesk('open', "${w.key}");`,
    );
    const policy = response.headers.get('content-security-policy') ?? '';
    // No SIP edge runs in this process: only the platform itself to connect to.
    expect(policy).toContain(`connect-src 'self' ${t.url}; `);
    expect(policy).toContain("media-src 'self' blob: mediastream:");
    expect(response.headers.get('permissions-policy')).toBe('microphone=(self)');
    const callback = await widget('callback');
    expect((await t.request(`/call/${callback.key}`)).status).toBe(404);
  });
});
