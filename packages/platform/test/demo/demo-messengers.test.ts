/**
 * The demo chat's messengers: connected once to the sandbox's demo bots (their tokens write-only
 * secrets, as the Studio keeps them, valid as the settings' schema has them); a chat that has a
 * messenger already — an admin's own — is left as it is; another account's chat never.
 */
import { type ChatSettings, parseSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botToken } from '../../src/chat/channels/channel-bots';
import { DEMO_MESSENGERS, seedDemoMessengers } from '../../src/demo/demo-messengers';
import { seedDemo } from '../../src/demo/seed';
import { createStore } from '../../src/storage/store';
import { sqliteEngine, type TestDatabase } from '../support/databases';

describe("the demo chat's messengers", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqliteEngine.open();
  });
  afterAll(() => database?.drop());

  it('connects the demo chat to the four once, the tokens kept as secrets', async () => {
    const store = createStore(database);
    const { accountId } = await seedDemo(store, {
      sipDomain: 'sip.test',
      publicUrl: 'http://127.0.0.1:8080',
      now: 0,
    });
    expect(await seedDemoMessengers(store, { accountId: 'another-account', now: 1 })).toBe(false);
    expect(await seedDemoMessengers(store, { accountId, now: 1 })).toBe(true);
    const widget = await store.widgets.byKey('demo-chat');
    if (!widget) throw new Error('no demo chat');
    const { channels } = widget.settings as ChatSettings;
    expect(channels).toMatchObject({
      telegram: { enabled: true, botName: DEMO_MESSENGERS.telegram.username, mode: 'polling' },
      viber: { enabled: true, uri: DEMO_MESSENGERS.viber.uri },
      vk: { enabled: true, groupId: DEMO_MESSENGERS.vk.screenName, mode: 'longpoll' },
      facebook: { enabled: true, pageId: DEMO_MESSENGERS.facebook.id },
    });
    expect(parseSettings(widget.settings).ok).toBe(true);
    expect(await botToken(store, widget, 'vk')).toBe(DEMO_MESSENGERS.vk.token);
    expect(await botToken(store, widget, 'telegram')).toBe(DEMO_MESSENGERS.telegram.token);

    // Once: the chat has its messengers now (an admin may have changed them since).
    await store.widgets.update(widget.id, {
      settings: {
        ...(widget.settings as ChatSettings),
        channels: { ...channels, telegram: null, viber: null, facebook: null },
      },
      now: 2,
    });
    expect(await seedDemoMessengers(store, { accountId, now: 3 })).toBe(false);
    const kept = (await store.widgets.byKey('demo-chat'))?.settings as ChatSettings;
    expect(kept.channels.telegram).toBeNull();
  });
});
