import { snippet } from '@frontdesk/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('e-mailing the embed code on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let marketer: Awaited<ReturnType<TestPlatform['signIn']>>;
  let operator: typeof marketer;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    [marketer, operator] = await Promise.all([t.signIn('marketer'), t.signIn('operator')]);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const post = (who: typeof marketer, path: string, body: unknown) =>
    who(path, { method: 'POST', body: JSON.stringify(body) });

  it('queues an e-mail with the codes of the widget format and the test page', async () => {
    const widget = await (
      await post(marketer, '/v1/admin/widgets', { type: 'call', name: 'Shop call' })
    ).json();
    const response = await post(marketer, `/v1/admin/widgets/${widget.id}/embed-email`, {
      email: 'dev@shop.example',
    });
    expect(response.status).toBe(202);
    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 10 });
    const mail = items.find((m) => m.recipient === 'dev@shop.example');
    expect(mail).toMatchObject({
      channel: 'email',
      kind: 'embed',
      status: 'pending',
      orderId: null,
    });
    expect(mail?.subject).toContain('Shop call');
    for (const format of ['button', 'link'] as const) {
      expect(mail?.body).toContain(snippet({ baseUrl: t.url, widget: widget.key, format }));
    }
    expect(mail?.body).toContain('</body>');
    expect(mail?.body).toContain(`${t.url}/test/${widget.key}`);
  });

  it('sends the label code for a label-format callback widget', async () => {
    const created = await (
      await post(marketer, '/v1/admin/widgets', { type: 'callback', name: 'Label' })
    ).json();
    const settings = {
      ...created.settings,
      appearance: { ...created.settings.appearance, callFormat: 'label' },
    };
    await marketer(`/v1/admin/widgets/${created.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings }),
    });
    await post(marketer, `/v1/admin/widgets/${created.id}/embed-email`, {
      email: 'l@shop.example',
    });
    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 10 });
    const body = items.find((m) => m.recipient === 'l@shop.example')?.body ?? '';
    expect(body).toContain(snippet({ baseUrl: t.url, widget: created.key, format: 'label' }));
    expect(body).not.toContain('"launcher":"button"');
  });

  it('refuses a bad address, an unknown widget and operators', async () => {
    const widget = (await (await marketer('/v1/admin/widgets')).json()).widgets[0];
    const bad = await post(marketer, `/v1/admin/widgets/${widget.id}/embed-email`, {
      email: 'not an address',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('email');
    expect(
      (await post(marketer, '/v1/admin/widgets/nope/embed-email', { email: 'a@b.example' })).status,
    ).toBe(404);
    expect(
      (
        await post(operator, `/v1/admin/widgets/${widget.id}/embed-email`, {
          email: 'a@b.example',
        })
      ).status,
    ).toBe(403);
  });
});

describe.each(engines)('embed-code e-mail limits on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, {
      limits: { embedEmailsPerUser: 2, embedEmailsPerAccount: 3 },
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('refuses e-mails past the limit per user, then per account, with a 429, and queues none', async () => {
    const [marketer, admin] = await Promise.all([t.signIn('marketer'), t.signIn('admin')]);
    const widget = await (
      await marketer('/v1/admin/widgets', {
        method: 'POST',
        body: JSON.stringify({ type: 'call', name: 'Shop call' }),
      })
    ).json();
    const send = (who: typeof marketer, email: string) =>
      who(`/v1/admin/widgets/${widget.id}/embed-email`, {
        method: 'POST',
        body: JSON.stringify({ email }),
      });
    expect((await send(marketer, 'one@shop.example')).status).toBe(202);
    expect((await send(marketer, 'two@shop.example')).status).toBe(202);
    const perUser = await send(marketer, 'three@shop.example');
    expect(perUser.status).toBe(429);
    const { error } = await perUser.json();
    expect(error).toEqual({
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many embed-code e-mails; try again in \d+ s\.$/),
    });
    // Another user of the account has a share of their own, within the account's.
    expect((await send(admin, 'four@shop.example')).status).toBe(202);
    expect((await send(admin, 'five@shop.example')).status).toBe(429);

    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 10 });
    expect(items.map((mail) => mail.recipient).sort()).toEqual([
      'four@shop.example',
      'one@shop.example',
      'two@shop.example',
    ]);
  });
});
