/** Write-only secrets in the store: apart from the settings JSON, `{ set }` on every read. */
import { type ChatSettings, defaultSettings, type WidgetSettings } from '@frontdesk/config';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts/account-records';
import { migrate } from '../../src/storage/migrate';
import { migrations } from '../../src/storage/migrations/index';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;
const TELEGRAM = '123456789:AAHsecretTelegramTokenOfTheStore_01';
const VIBER = '4453b6ac12345678-secret-viber-token-of-the-store';

/** Chat settings with Telegram and Viber connected, their tokens as given (left out: none). */
function chatWith(tokens: { telegram?: unknown; viber?: unknown }): WidgetSettings {
  const settings = defaultSettings('chat') as ChatSettings;
  return {
    ...settings,
    channels: {
      ...settings.channels,
      telegram: {
        enabled: true,
        receiver: null,
        botName: 'shop_bot',
        ...('telegram' in tokens ? { botToken: tokens.telegram } : {}),
      },
      viber: {
        enabled: true,
        receiver: null,
        botName: 'Shop',
        uri: 'shop',
        ...('viber' in tokens ? { botToken: tokens.viber } : {}),
      },
    },
  } as WidgetSettings;
}

/** The bot tokens of a widget's settings as the store returns them. */
function tokensOf(settings: WidgetSettings | undefined) {
  if (settings?.type !== 'chat') throw new Error('not a chat widget');
  return [settings.channels.telegram?.botToken, settings.channels.viber?.botToken];
}

describe.each(engines)('widget secrets on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
  });
  afterAll(() => database?.drop());

  const secretOf = (id: string, channel: 'telegram' | 'viber') =>
    store.secrets.get({ kind: 'widget', id }, `channels.${channel}.botToken`);

  /** The settings JSON as stored: it must never hold a secret. */
  const storedJson = async (id: string) =>
    (
      await database.db
        .selectFrom('widgets')
        .select('settings')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).settings;

  it('stores tokens apart and shows { set } on every read', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      settings: chatWith({ telegram: TELEGRAM }),
      now: T0,
    });
    expect(tokensOf(widget.settings)).toEqual([{ set: true }, { set: false }]);
    expect(tokensOf((await store.widgets.get(widget.id))?.settings)).toEqual([
      { set: true },
      { set: false },
    ]);
    expect(tokensOf((await store.widgets.byKey(widget.key))?.settings)).toEqual([
      { set: true },
      { set: false },
    ]);
    const listed = (await store.widgets.list(account.id)).find((w) => w.id === widget.id);
    expect(tokensOf(listed?.settings)).toEqual([{ set: true }, { set: false }]);
    expect(await storedJson(widget.id)).not.toContain('botToken');
    expect(await secretOf(widget.id, 'telegram')).toBe(TELEGRAM);
    expect(await secretOf(widget.id, 'viber')).toBeUndefined();
  });

  it('an update keeps a token left out or sent back as { set }, replaces a string, clears null', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      settings: chatWith({ telegram: TELEGRAM, viber: VIBER }),
      now: T0,
    });
    const update = async (tokens: Parameters<typeof chatWith>[0]) =>
      tokensOf(
        (await store.widgets.update(widget.id, { settings: chatWith(tokens), now: T0 + 1 }))
          ?.settings,
      );

    expect(await update({})).toEqual([{ set: true }, { set: true }]);
    expect(await update({ telegram: { set: true }, viber: { set: false } })).toEqual([
      { set: true },
      { set: true },
    ]);
    expect([await secretOf(widget.id, 'telegram'), await secretOf(widget.id, 'viber')]).toEqual([
      TELEGRAM,
      VIBER,
    ]);

    const replaced = '987654321:AAHanotherTokenOfTheSameShopBot_02';
    expect(await update({ telegram: replaced, viber: null })).toEqual([
      { set: true },
      { set: false },
    ]);
    expect(await secretOf(widget.id, 'telegram')).toBe(replaced);
    expect(await secretOf(widget.id, 'viber')).toBeUndefined();
    expect(await storedJson(widget.id)).not.toMatch(/botToken|AAH/);

    // Name and flag changes leave the secrets alone.
    await store.widgets.update(widget.id, { name: 'Renamed', now: T0 + 2 });
    expect(await secretOf(widget.id, 'telegram')).toBe(replaced);
  });

  it('a disconnected channel loses its token; a deleted widget loses them all', async () => {
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      settings: chatWith({ telegram: TELEGRAM, viber: VIBER }),
      now: T0,
    });
    const settings = chatWith({});
    if (settings.type !== 'chat') throw new Error('not a chat widget');
    await store.widgets.update(widget.id, {
      settings: { ...settings, channels: { ...settings.channels, telegram: null } },
      now: T0 + 1,
    });
    expect(await secretOf(widget.id, 'telegram')).toBeUndefined();
    expect(await secretOf(widget.id, 'viber')).toBe(VIBER);
    // Connected again: no token until one is given.
    const again = await store.widgets.update(widget.id, { settings, now: T0 + 2 });
    expect(tokensOf(again?.settings)).toEqual([{ set: false }, { set: true }]);

    await store.widgets.softDelete(widget.id, { reason: null, now: T0 + 3 });
    expect(await secretOf(widget.id, 'viber')).toBeUndefined();
  });
});

describe.each(engines)('migration 020_secrets on $name', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('moves the bot tokens out of the chat settings into secrets', async () => {
    database = await engine.open({ migrate: false });
    const before = new Migrator({
      db: database.db,
      provider: { getMigrations: async () => migrations },
    });
    const { error } = await before.migrateTo('012_chat');
    expect(error).toBeUndefined();
    const store = createStore(database);
    const account = await newAccount(store);
    const old = chatWith({ telegram: TELEGRAM, viber: VIBER });
    await database.db
      .insertInto('widgets')
      .values({
        id: 'w-old',
        account_id: account.id,
        key: 'old-chat',
        type: 'chat',
        name: 'Old chat',
        active: 1,
        settings: JSON.stringify(old),
        version: 3,
        sip_line: null,
        seq: 1,
        created_at: T0,
        updated_at: T0,
        deleted_at: null,
        delete_reason: null,
      })
      .execute();

    expect(await migrate(database)).toContain('020_secrets');
    const widget = await store.widgets.get('w-old');
    expect(tokensOf(widget?.settings)).toEqual([{ set: true }, { set: true }]);
    expect(
      await store.secrets.get({ kind: 'widget', id: 'w-old' }, 'channels.telegram.botToken'),
    ).toBe(TELEGRAM);
    expect(
      await store.secrets.get({ kind: 'widget', id: 'w-old' }, 'channels.viber.botToken'),
    ).toBe(VIBER);
    const { settings } = await database.db
      .selectFrom('widgets')
      .select('settings')
      .where('id', '=', 'w-old')
      .executeTakeFirstOrThrow();
    expect(settings).not.toContain('botToken');
    expect(widget?.version).toBe(3);
  });
});
