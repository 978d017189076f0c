import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts/account-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

describe.each(engines)('widgets on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
  });
  afterAll(() => database?.drop());

  it('creates a call widget with a generated key and a SIP line, and gets it back', async () => {
    const settings = settingsFor('call');
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'Call us',
      settings,
      now: T0,
    });
    expect(widget).toStrictEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      accountId: account.id,
      key: expect.stringMatching(/^w[a-z2-7]{11}$/),
      type: 'call',
      name: 'Call us',
      active: true,
      settings,
      version: 1,
      sipLine: expect.stringMatching(new RegExp(`^line[1-9]\\d{4}@${account.sipDomain}$`)),
      createdAt: T0,
      updatedAt: T0,
      deletedAt: null,
      deleteReason: null,
    });
    expect(widget.settings).not.toBe(settings);
    expect(await store.widgets.get(widget.id)).toStrictEqual(widget);
    expect(await store.widgets.byKey(widget.key)).toStrictEqual(widget);
  });

  it('reads settings stored before texts had languages as the main language’s texts', async () => {
    const settings = defaultSettings('chat') as ChatSettings;
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Old chat',
      settings,
      now: T0,
    });
    // The row as an older platform wrote it: plain strings, no main language.
    const { mainLocale: _, ...older } = settings;
    const stored = {
      ...older,
      locale: 'en',
      appearance: {
        ...settings.appearance,
        working: { title: 'Chat', text: '', buttonText: 'Write to us' },
      },
    };
    await database.db
      .updateTable('widgets')
      .set({ settings: JSON.stringify(stored) })
      .where('id', '=', widget.id)
      .execute();
    const read = await store.widgets.get(widget.id);
    expect(read?.settings).toMatchObject({
      locale: 'en',
      mainLocale: 'en',
      appearance: {
        working: { title: { en: 'Chat' }, text: { en: '' }, buttonText: { en: 'Write to us' } },
        nonWorking: settings.appearance.nonWorking,
      },
    });
  });

  it('a callback widget has a line too; a chat widget has none', async () => {
    const callback = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Callback',
      settings: settingsFor('callback'),
      now: T0,
    });
    const chat = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      settings: settingsFor('chat'),
      now: T0,
    });
    expect(callback.sipLine).toMatch(/^line\d{5}@/);
    expect(chat.sipLine).toBeNull();
    const lines = await store.widgets.sipLines(account.id);
    expect(lines.filter((line) => line.widgetId === chat.id)).toStrictEqual([]);
    expect(lines.filter((line) => line.widgetId === callback.id)).toStrictEqual([
      {
        line: callback.sipLine?.split('@')[0],
        accountId: account.id,
        widgetId: callback.id,
        createdAt: T0,
        releasedAt: null,
      },
    ]);
  });

  it('keeps a given key and an inactive flag', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Demo chat',
      settings: settingsFor('chat'),
      key: 'demo-chat',
      active: false,
      now: T0,
    });
    expect(widget).toMatchObject({ key: 'demo-chat', active: false });
    expect(await store.widgets.byKey('demo-chat')).toStrictEqual(widget);
  });

  it('keys are unique across accounts, deleted widgets included', async () => {
    const other = await newAccount(store);
    const input = {
      type: 'chat' as const,
      name: 'W',
      settings: settingsFor('chat'),
      key: 'taken-key',
      now: T0,
    };
    const first = await store.widgets.create({ ...input, accountId: account.id });
    await expect(store.widgets.create({ ...input, accountId: other.id })).rejects.toMatchObject({
      name: 'StoreError',
      code: 'conflict',
      field: 'key',
    });
    await store.widgets.softDelete(first.id, { reason: null, now: T0 });
    await expect(store.widgets.create({ ...input, accountId: other.id })).rejects.toMatchObject({
      code: 'conflict',
      field: 'key',
    });
    expect(await store.widgets.list(other.id)).toStrictEqual([]);
  });

  it('a generated key that collides is generated again', async () => {
    const keys = ['wcollision00', 'wcollision00', 'wfreshkey000'];
    const keyed = createStore(database, { randomKey: () => keys.shift() ?? 'wexhausted00' });
    const input = {
      accountId: account.id,
      type: 'chat' as const,
      name: 'W',
      settings: settingsFor('chat'),
      now: T0,
    };
    expect((await keyed.widgets.create(input)).key).toBe('wcollision00');
    expect((await keyed.widgets.create(input)).key).toBe('wfreshkey000');
  });

  it('generated keys differ', async () => {
    const keys = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const widget = await store.widgets.create({
        accountId: account.id,
        type: 'chat',
        name: `W${i}`,
        settings: settingsFor('chat'),
        now: T0,
      });
      keys.add(widget.key);
    }
    expect(keys.size).toBe(20);
  });

  it('lists the live widgets of an account, oldest first', async () => {
    const own = await newAccount(store);
    const make = (name: string, now: number) =>
      store.widgets.create({
        accountId: own.id,
        type: 'chat',
        name,
        settings: settingsFor('chat'),
        now,
      });
    const late = await make('late', T0 + 2000);
    const early = await make('early', T0);
    const deleted = await make('deleted', T0 + 1000);
    await store.widgets.softDelete(deleted.id, { reason: 'gone', now: T0 + 3000 });
    expect(await store.widgets.list(own.id)).toStrictEqual([early, late]);
    expect(await store.widgets.list('no-such-account')).toStrictEqual([]);
  });

  it('widgets created at the same time are listed in the order they were created', async () => {
    const own = await newAccount(store);
    const created = [];
    for (const type of ['chat', 'call', 'callback', 'chat', 'call'] as const) {
      created.push(
        await store.widgets.create({
          accountId: own.id,
          type,
          name: type,
          settings: settingsFor(type),
          now: T0,
        }),
      );
    }
    expect(await store.widgets.list(own.id)).toStrictEqual(created);
  });

  it('update changes the given fields, bumps the version and sets updatedAt', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Before',
      settings: settingsFor('callback'),
      now: T0,
    });
    const settings = settingsFor('callback', { title: 'After' });
    const updated = await store.widgets.update(widget.id, {
      name: 'After',
      active: false,
      settings,
      now: T0 + 1000,
    });
    expect(updated).toStrictEqual({
      ...widget,
      name: 'After',
      active: false,
      settings,
      version: 2,
      updatedAt: T0 + 1000,
    });
    expect(await store.widgets.get(widget.id)).toStrictEqual(updated);
    const touched = await store.widgets.update(widget.id, { active: true, now: T0 + 2000 });
    expect(touched).toStrictEqual({ ...updated, active: true, version: 3, updatedAt: T0 + 2000 });
    expect(await store.widgets.update('no-such-widget', { name: 'X', now: T0 })).toBeUndefined();
  });

  it('soft delete hides the widget from byKey and list; get still returns it, with when and why', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'To delete',
      settings: settingsFor('call'),
      now: T0,
    });
    expect(
      await store.widgets.softDelete(widget.id, { reason: 'Campaign over', now: T0 + 5000 }),
    ).toBe(true);
    expect(await store.widgets.byKey(widget.key)).toBeUndefined();
    expect((await store.widgets.list(account.id)).map((w) => w.id)).not.toContain(widget.id);
    expect(await store.widgets.get(widget.id)).toStrictEqual({
      ...widget,
      version: 2,
      updatedAt: T0 + 5000,
      deletedAt: T0 + 5000,
      deleteReason: 'Campaign over',
    });
    const line = (await store.widgets.sipLines(account.id)).find((l) => l.widgetId === widget.id);
    expect(line?.releasedAt).toBe(T0 + 5000);
    // A deleted widget stays as it was deleted.
    expect(await store.widgets.softDelete(widget.id, { reason: 'again', now: T0 + 6000 })).toBe(
      false,
    );
    expect(await store.widgets.update(widget.id, { name: 'Back', now: T0 + 6000 })).toBeUndefined();
    expect((await store.widgets.get(widget.id))?.deleteReason).toBe('Campaign over');
    expect(await store.widgets.softDelete('no-such-widget', { reason: null, now: T0 })).toBe(false);
  });

  it('soft delete without a reason keeps null', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'No reason',
      settings: settingsFor('chat'),
      now: T0,
    });
    await store.widgets.softDelete(widget.id, { reason: null, now: T0 + 1 });
    expect(await store.widgets.get(widget.id)).toMatchObject({
      deletedAt: T0 + 1,
      deleteReason: null,
    });
  });

  it('refuses a widget of an unknown account', async () => {
    await expect(
      store.widgets.create({
        accountId: 'no-such-account',
        type: 'call',
        name: 'W',
        settings: settingsFor('call'),
        now: T0,
      }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'accountId' });
  });
});
