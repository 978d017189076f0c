/** Receivers, addressees, handlers and forwarding of widget settings: the account's own people only. */
import { type CallbackSettings, type ChatSettings, defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe.each(engines)('receivers in widget settings on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let marketer: Awaited<ReturnType<TestPlatform['signIn']>>;
  /** An employee and a group of the test account, and of another account. */
  const ours = { employee: '', group: '' };
  const theirs = { employee: '', group: '' };

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    marketer = await t.signIn('marketer');
    const { store } = t.platform;
    ours.employee = t.users.operator.id;
    ours.group = (
      await store.groups.create({
        accountId: t.accountId,
        name: 'Sales',
        memberIds: [ours.employee],
      })
    ).id;
    const other = await store.accounts.create({ name: 'Other', sipDomain: 'vpbx2.sip.test' });
    const stranger = await store.users.create({
      accountId: other.id,
      email: 'stranger@other.example',
      name: 'Stranger',
      role: 'operator',
      passwordHash: 'scrypt$fake',
      photoUrl: null,
    });
    theirs.employee = stranger.id;
    theirs.group = (
      await store.groups.create({ accountId: other.id, name: 'Theirs', memberIds: [stranger.id] })
    ).id;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const call = (forwarding: unknown) => ({ ...defaultSettings('call'), forwarding });
  const callback = (addressee: unknown) => {
    const settings = defaultSettings('callback') as CallbackSettings;
    return { ...settings, mode: { ...settings.mode, addressee } };
  };
  const chat = (where: 'site' | 'telegram' | 'handler' | 'callback', who: unknown) => {
    const settings = defaultSettings('chat') as ChatSettings;
    const channels = { ...settings.channels } as Record<string, unknown>;
    if (where === 'site') channels.site = { ...settings.channels.site, receiver: who };
    if (where === 'telegram') {
      channels.telegram = { enabled: true, receiver: who, botName: 'shop_bot' };
    }
    if (where === 'handler') {
      channels.leadGeneration = {
        ...(defaultSettings('callback') as CallbackSettings).leadGenerator,
        enabled: false,
        handler: who,
        notifyEmails: [],
        notifyPhones: [],
        companyNumber: null,
      };
    }
    if (where === 'callback') {
      channels.callback = { enabled: true, mode: callback(who).mode };
    }
    return { ...settings, channels };
  };

  const create = (type: string, settings: unknown) =>
    marketer('/v1/admin/widgets', {
      method: 'POST',
      body: JSON.stringify({ type, name: 'W', settings }),
    });

  it.each([
    ['call', 'forwarding', (who: unknown) => call(who)],
    ['callback', 'mode.addressee', (who: unknown) => callback(who)],
    ['chat', 'channels.site.receiver', (who: unknown) => chat('site', who)],
    ['chat', 'channels.telegram.receiver', (who: unknown) => chat('telegram', who)],
    ['chat', 'channels.leadGeneration.handler', (who: unknown) => chat('handler', who)],
    ['chat', 'channels.callback.mode.addressee', (who: unknown) => chat('callback', who)],
  ] as const)(
    "a %s widget: 422 naming settings.%s for another account's people",
    async (type, path, settings) => {
      for (const kind of ['employee', 'group'] as const) {
        const foreign = await create(type, settings({ kind, id: theirs[kind] }));
        expect(foreign.status).toBe(422);
        expect((await foreign.json()).error).toMatchObject({
          code: 'unknown_receiver',
          field: `settings.${path}`,
        });
        const missing = await create(type, settings({ kind, id: 'no-such-id' }));
        expect(missing.status).toBe(422);
        expect((await create(type, settings({ kind, id: ours[kind] }))).status).toBe(201);
      }
    },
  );

  it('a change of settings is checked too, and changes nothing when refused', async () => {
    const widget = await (await create('call', call({ kind: 'group', id: ours.group }))).json();
    const refused = await marketer(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ settings: call({ kind: 'employee', id: theirs.employee }) }),
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.field).toBe('settings.forwarding');
    const stored = await t.platform.store.widgets.get(widget.id);
    expect(stored?.settings).toMatchObject({ forwarding: { kind: 'group', id: ours.group } });
    expect(stored?.version).toBe(1);
  });
});
