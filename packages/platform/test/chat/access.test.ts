/**
 * What each member of staff may see of the chats, on both engines: the store's lists (`chat:list`,
 * `missed:list`) filter in the query by the rule of conversationAccess, before their limits.
 */
import type { Receiver } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/accounts/account-records';
import { conversationAccess, conversationViewer } from '../../src/chat/access';
import type { Conversation } from '../../src/chat/chat-records';
import { createStore, type Store } from '../../src/storage/store';
import { storedConversation } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

describe.each(engines)('conversation access on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let accountId: string;
  let staff: Record<'admin' | 'ann' | 'bob' | 'marketer' | 'groupedMarketer', User>;
  let all: Conversation[];

  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    const account = await newAccount(store);
    accountId = account.id;
    staff = {
      admin: await newUser(store, accountId, { role: 'admin', name: 'Ada Admin' }),
      ann: await newUser(store, accountId, { name: 'Ann' }),
      bob: await newUser(store, accountId, { name: 'Bob' }),
      marketer: await newUser(store, accountId, { role: 'marketer', name: 'Mark' }),
      groupedMarketer: await newUser(store, accountId, { role: 'marketer', name: 'Mia' }),
    };
    const { ann, bob, groupedMarketer } = staff;
    const sales = await store.groups.create({
      accountId,
      name: 'Sales',
      memberIds: [ann.id, groupedMarketer.id],
    });
    const empty = await store.groups.create({ accountId, name: 'Nobody', memberIds: [] });
    const widget = await store.widgets.create({
      accountId,
      type: 'chat',
      name: 'Chat',
      settings: settingsFor('chat'),
      now: T0,
    });
    let now = T0;
    const open = async (receiver: Receiver | null, holder: User | undefined) => {
      now += 1000;
      const conversation = await storedConversation(store, widget, receiver, { now });
      if (holder) {
        await store.conversations.transfer(conversation.id, {
          to: { kind: 'employee', id: holder.id, name: holder.name },
          note: null,
          by: 'Ada Admin',
          now,
        });
      }
    };
    // Every kind of receiver, each held by nobody, by Ann and by Bob.
    const receivers: (Receiver | null)[] = [
      null,
      { kind: 'employee', id: ann.id },
      { kind: 'employee', id: bob.id },
      { kind: 'group', id: sales.id },
      { kind: 'group', id: empty.id },
    ];
    for (const receiver of receivers) {
      for (const holder of [undefined, ann, bob]) await open(receiver, holder);
    }
    all = await store.conversations.list(accountId, 'open', 100);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.each(['admin', 'ann', 'bob', 'marketer', 'groupedMarketer'] as const)(
    'lists for %s what conversationAccess lets them see, filtered before the limit',
    async (who) => {
      const user = staff[who];
      const visible = all.filter(await conversationAccess(store, user)).map((c) => c.id);
      const viewer = await conversationViewer(store, user);
      const ids = (conversations: Conversation[]) => conversations.map((c) => c.id);
      expect(ids(await store.conversations.list(accountId, 'open', 100, viewer))).toEqual(visible);
      // The limit counts only what they may see: the newest three of theirs.
      expect(ids(await store.conversations.list(accountId, 'open', 3, viewer))).toEqual(
        visible.slice(0, 3),
      );
      const missed = await store.missed.list(accountId, { now: T0 + 60_000, afterMs: 0, viewer });
      expect(ids(missed.chats)).toEqual(visible);
    },
  );

  it('sees as much as each role should: an admin all, a marketer none routed to nobody', async () => {
    const count = async (who: keyof typeof staff) =>
      all.filter(await conversationAccess(store, staff[who])).length;
    expect(all).toHaveLength(15);
    expect(await count('admin')).toBe(15);
    // Ann: nobody's 3, her own 3, Sales' 3, and the one she holds of Bob's and of Nobody's.
    expect(await count('ann')).toBe(11);
    // Bob: nobody's 3, his own 3, and the one he holds of Ann's, of Sales' and of Nobody's.
    expect(await count('bob')).toBe(9);
    expect(await count('marketer')).toBe(0);
    expect(await count('groupedMarketer')).toBe(3);
  });
});
