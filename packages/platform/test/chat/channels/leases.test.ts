/**
 * The pollers' leases on both engines, with two connections as two processes would hold: one
 * holder at a time, a new fence for each new holder, and a stale holder's commit — the offset
 * with the message it stores — rolled back whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/accounts/account-records';
import { FenceLost } from '../../../src/chat/channels/leases';
import { type Database, openDatabase } from '../../../src/storage/database';
import type { Store } from '../../../src/storage/store';
import { createStore } from '../../../src/storage/store';
import type { Widget } from '../../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../../support/databases';
import { newAccount, settingsFor } from '../../support/store-fixtures';

const T0 = 1_772_600_000_000;
const LEASE = 30_000;
let credentials = 0;

describe.each(engines)('channel leases on $name', (engine) => {
  let database: TestDatabase;
  let other: Database;
  let a: Store;
  let b: Store;
  let account: Account;
  let widget: Widget;

  beforeAll(async () => {
    database = await engine.open();
    other = await openDatabase(database.options);
    a = createStore(database);
    b = createStore(other);
    account = await newAccount(a);
    widget = await a.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      settings: settingsFor('chat'),
      now: T0,
    });
  });
  afterAll(async () => {
    await other?.close();
    await database?.drop();
  });

  const credential = () => `telegram:${engine.name}${++credentials}`;
  const acquire = (store: Store, key: string, holder: string, now: number) =>
    store.channels.leases.acquire({ credential: key, holder, leaseMs: LEASE, now });

  it('gives a lease to one holder until it expires, then to another with the next fence', async () => {
    const key = credential();
    const [first, second] = await Promise.all([
      acquire(a, key, 'process-a', T0),
      acquire(b, key, 'process-b', T0),
    ]);
    // Exactly one of the two at once got it.
    expect([first, second].filter(Boolean)).toEqual([
      { credential: key, fence: 1, cursor: 0, webhookUrl: null },
    ]);
    const holder = first ? 'process-a' : 'process-b';
    const rival = first ? 'process-b' : 'process-a';
    expect(await acquire(a, key, holder, T0 + 1_000)).toEqual({
      credential: key,
      fence: 1,
      cursor: 0,
      webhookUrl: null,
    });
    expect(await acquire(b, key, rival, T0 + LEASE)).toBeUndefined();
    expect(await acquire(b, key, rival, T0 + 1_000 + LEASE)).toEqual({
      credential: key,
      fence: 2,
      cursor: 0,
      webhookUrl: null,
    });
    // The old holder's renewal fails: it must stop.
    expect(
      await a.channels.leases.renew({ credential: key, fence: 1, leaseMs: LEASE, now: T0 + 2 }),
    ).toBe(false);
    expect(
      await b.channels.leases.renew({ credential: key, fence: 2, leaseMs: LEASE, now: T0 + 2 }),
    ).toBe(true);
  });

  it('lets a released lease go to another holder at once', async () => {
    const key = credential();
    const lease = await acquire(a, key, 'process-a', T0);
    expect(lease?.fence).toBe(1);
    await a.channels.leases.release(key, 1);
    expect(await acquire(b, key, 'process-b', T0 + 1)).toMatchObject({ fence: 2 });
  });

  it("rolls back a stale holder's message and offset; the new holder stores it once", async () => {
    const key = credential();
    await acquire(a, key, 'process-a', T0);
    const taken = await acquire(b, key, 'process-b', T0 + LEASE);
    expect(taken?.fence).toBe(2);
    const peer = await a.channels.peers.meet({
      accountId: account.id,
      widgetId: widget.id,
      messenger: 'telegram',
      externalId: '5001',
      name: 'Anna Petrova',
      username: 'anna_p',
      now: T0,
    });
    const visitor = await a.chatVisitors.get(peer.visitorId);
    if (!visitor) throw new Error('the peer has no visitor');
    const send = (store: Store, fence: number) =>
      store.chatMessages.visitorSend({
        visitor,
        widgetId: widget.id,
        clientId: `update-${key}-700`,
        text: 'Hello',
        page: null,
        now: T0 + LEASE + 1,
        receiver: null,
        autoReplies: [],
        email: null,
        inbound: store.channels.inbound.hooks({
          messenger: 'telegram',
          credential: key,
          externalId: '700',
          peerId: peer.id,
          guard: { credential: key, fence, cursor: 701 },
          now: T0 + LEASE + 1,
        }),
      });

    await expect(send(a, 1)).rejects.toBeInstanceOf(FenceLost);
    expect(await a.conversations.current(visitor.id)).toBeUndefined();
    expect(await a.channels.inbound.has(key, '700')).toBe(false);
    expect(await a.channels.leases.status(key)).toMatchObject({ holder: 'process-b' });
    expect((await acquire(b, key, 'process-b', T0 + LEASE + 2))?.cursor).toBe(0);

    const stored = await send(b, 2);
    expect(stored.message).toMatchObject({ author: 'visitor', text: 'Hello', seq: 1 });
    expect(stored.conversation.channel).toBe('telegram');
    expect(await b.channels.inbound.has(key, '700')).toBe(true);
    expect((await acquire(b, key, 'process-b', T0 + LEASE + 3))?.cursor).toBe(701);
    // A stale skip changes nothing either.
    expect(await a.channels.inbound.skip({ credential: key, fence: 1, cursor: 900 }, T0)).toBe(
      false,
    );
    expect((await acquire(b, key, 'process-b', T0 + LEASE + 4))?.cursor).toBe(701);
  });
});
