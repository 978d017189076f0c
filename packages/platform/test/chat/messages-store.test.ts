/**
 * The chat's storage on both engines: sequence numbers with concurrent writers on separate
 * connections (as several processes would be), idempotent sends, enquiries and their auto-replies.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account, User } from '../../src/accounts/account-records';
import type { ChatVisitor, SentMessage, VisitorSend } from '../../src/chat/chat-records';
import { type Database, openDatabase } from '../../src/storage/database';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;
/** Rounds of four concurrent sends (two replies, two visitor messages) on one conversation. */
const ROUNDS = 60;
let tokens = 0;

describe.each(engines)('chat messages on $name', (engine) => {
  let database: TestDatabase;
  let other: Database;
  let store: Store;
  let otherStore: Store;
  let account: Account;
  let widget: Widget;
  let operator: User;

  beforeAll(async () => {
    database = await engine.open();
    other = await openDatabase(database.options);
    store = createStore(database);
    otherStore = createStore(other);
    account = await newAccount(store);
    operator = await newUser(store, account.id, { name: 'Oleg', photoUrl: 'https://p/o.png' });
    widget = await store.widgets.create({
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

  const newVisitor = () =>
    store.chatVisitors.create({
      accountId: account.id,
      widgetId: widget.id,
      tokenHash: `hash-${engine.name}-${++tokens}`,
      timeZone: 'Asia/Omsk',
      now: T0,
    });
  /**
   * `visitor` sends `clientId` through `via` (the first connection unless given), with `extra`
   * over the defaults.
   */
  const send = (
    visitor: ChatVisitor,
    clientId: string,
    extra: Partial<VisitorSend> = {},
    via: Store = store,
  ) =>
    via.chatMessages.visitorSend({
      visitor,
      widgetId: widget.id,
      clientId,
      text: `text of ${clientId}`,
      page: null,
      now: T0,
      receiver: null,
      autoReplies: [],
      email: null,
      ...extra,
    });

  it('gives a retried client id the stored message, and one row', async () => {
    const visitor = await newVisitor();
    const first = await send(visitor, 'client-0001', {
      page: { url: 'https://shop.example/a', title: 'A' },
    });
    expect(first.replayed).toBe(false);
    expect(first.message).toMatchObject({ seq: 1, author: 'visitor', clientId: 'client-0001' });
    expect(first.conversation).toMatchObject({
      visitorId: visitor.id,
      status: 'open',
      lastSeq: 1,
      unanswered: 1,
      enquiryStartedAt: T0,
      page: { url: 'https://shop.example/a', title: 'A' },
      timeZone: 'Asia/Omsk',
      widget: { key: widget.key, name: 'Chat' },
      lastMessage: first.message,
    });
    expect(first.message.published).toBe(false);
    const again = await send(visitor, 'client-0001', { text: 'changed' });
    expect(again.replayed).toBe(true);
    expect(again.message).toStrictEqual(first.message);
    // Once the operators were told, a replay says so.
    await store.chatMessages.markPublished([first.message.id], T0 + 1);
    await store.chatMessages.markPublished([first.message.id], T0 + 2);
    const told = await send(visitor, 'client-0001');
    expect(told.message).toStrictEqual({ ...first.message, published: true });
    expect(told.conversation.lastMessage?.published).toBe(true);
    expect(await store.chatMessages.byVisitorClientId(visitor.id, 'client-0001')).toStrictEqual(
      told.message,
    );
    expect(await store.chatMessages.since(first.conversation.id, 0, 100)).toHaveLength(1);
  });

  it('numbers concurrent sends from two connections 1, 2, 3… without gaps or repeats', async () => {
    const visitor = await newVisitor();
    const sends: Promise<SentMessage>[] = [];
    for (let i = 0; i < 20; i++) {
      const via = i % 2 === 0 ? store : otherStore;
      // The same client id twice at once: one message.
      sends.push(
        send(visitor, `concurrent-${i}`, {}, via),
        send(visitor, `concurrent-${i}`, {}, via),
      );
    }
    const results = await Promise.all(sends);
    const ids = new Set(results.map((r) => r.conversation.id));
    expect(ids.size).toBe(1);
    const [conversationId] = [...ids];
    const messages = await store.chatMessages.since(conversationId ?? '', 0, 100);
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(messages.map((m) => m.clientId)).size).toBe(20);
    expect(
      (await store.chatMessages.since(conversationId ?? '', 15, 100)).map((m) => m.seq),
    ).toEqual([16, 17, 18, 19, 20]);
  });

  it('takes operator replies and visitor messages on one conversation at once, without a deadlock', async () => {
    const visitor = await newVisitor();
    const opened = await send(visitor, 'race-open');
    const warnings = vi.spyOn(console, 'warn');
    const reply = (clientId: string, via: Store) =>
      via.chatMessages.operatorSend({
        conversationId: opened.conversation.id,
        clientId,
        text: clientId,
        operator: { id: operator.id, name: operator.name, photoUrl: null },
        mayAnswerTaken: false,
        now: T0,
      });
    try {
      for (let round = 0; round < ROUNDS; round++) {
        // Both kinds on both connections, so each waits for the other in every order.
        await Promise.all([
          send(visitor, `race-v${round}-a`),
          reply(`race-o${round}-a`, otherStore),
          send(visitor, `race-v${round}-b`, {}, otherStore),
          reply(`race-o${round}-b`, store),
        ]);
      }
      // Not one transaction was retried: the locks are taken in one order.
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
    const messages = await store.chatMessages.since(opened.conversation.id, 0, 1000);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    expect(messages).toHaveLength(1 + ROUNDS * 4);
  });

  it('fires an enquiry auto-reply once from two connections, never after an operator reply', async () => {
    const visitor = await newVisitor();
    const autoReplies = [
      { text: 'One moment', delaySeconds: 30 },
      { text: 'Still here', delaySeconds: 120 },
    ];
    const sent = await send(visitor, 'enquiry-01', { autoReplies });
    // A second message of the same enquiry schedules nothing more.
    await send(visitor, 'enquiry-02', { autoReplies, now: T0 + 1000 });
    expect(await store.chatAutoReplies.due(T0 + 29_999, 10)).toEqual([]);
    const due = await store.chatAutoReplies.due(T0 + 30_000, 10);
    expect(due).toHaveLength(1);
    const id = due[0] ?? '';
    const fired = await Promise.all([
      store.chatAutoReplies.fire(id, { now: T0 + 30_000, by: 'a' }),
      otherStore.chatAutoReplies.fire(id, { now: T0 + 30_000, by: 'b' }),
    ]);
    const stored = fired.filter((f) => f !== undefined);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.message).toMatchObject({ seq: 3, author: 'auto', text: 'One moment' });
    expect(await store.chatAutoReplies.due(T0 + 30_000, 10)).toEqual([]);

    const reply = await store.chatMessages.operatorSend({
      conversationId: sent.conversation.id,
      clientId: 'operator-01',
      text: 'Hello',
      operator: { id: operator.id, name: operator.name, photoUrl: operator.photoUrl },
      mayAnswerTaken: false,
      now: T0 + 60_000,
    });
    if (typeof reply === 'string') throw new Error(reply);
    expect(reply.message.operator).toEqual({
      id: operator.id,
      name: 'Oleg',
      photoUrl: 'https://p/o.png',
    });
    expect(reply.conversation).toMatchObject({
      assignee: { id: operator.id, name: 'Oleg' },
      unanswered: 0,
      enquiryStartedAt: null,
      lastSeq: 4,
    });
    expect(await store.chatAutoReplies.due(T0 + 999_999, 10)).toEqual([]);
    const messages = await store.chatMessages.since(sent.conversation.id, 0, 100);
    expect(messages.map((m) => m.author)).toEqual(['visitor', 'visitor', 'auto', 'operator']);
  });

  it('closes, rates once, marks reads, and starts a new conversation after close', async () => {
    const visitor = await newVisitor();
    const sent = await send(visitor, 'closing-01');
    const id = sent.conversation.id;
    expect(await store.conversations.rate(id, visitor.id, 'good')).toBe('not_closed');
    expect(await store.conversations.markRead(id, 'operator', 5)).toBe(1);
    expect(await store.conversations.markRead(id, 'operator', 0)).toBe(1);
    const closed = await store.conversations.close(id, { ratingOffered: true, now: T0 + 5 });
    expect(closed).toMatchObject({ status: 'closed', closedAt: T0 + 5, ratingOffered: true });
    expect(
      await store.conversations.close(id, { ratingOffered: true, now: T0 + 6 }),
    ).toBeUndefined();
    const stranger = await newVisitor();
    expect(await store.conversations.rate(id, stranger.id, 'good')).toBe('not_found');
    expect(await store.conversations.rate(id, visitor.id, 'excellent')).toBe('rated');
    expect(await store.conversations.rate(id, visitor.id, 'poor')).toBe('already_rated');
    expect((await store.conversations.get(id))?.rating).toBe('excellent');
    const next = await send(visitor, 'closing-02', { now: T0 + 10 });
    expect(next.conversation.id).not.toBe(id);
    expect(next.message.seq).toBe(1);
    expect((await store.conversations.ofVisitor(visitor.id, 10)).map((c) => c.id)).toEqual([
      next.conversation.id,
      id,
    ]);
    expect((await store.conversations.current(visitor.id))?.id).toBe(next.conversation.id);
  });

  it('saves contacts, keeping fields not given, and shows the name on the conversation', async () => {
    const visitor = await newVisitor();
    const sent = await send(visitor, 'contact-01');
    await store.chatContacts.save({
      accountId: account.id,
      visitorId: visitor.id,
      name: 'Ivan',
      now: T0,
    });
    const saved = await store.chatContacts.save({
      accountId: account.id,
      visitorId: visitor.id,
      phone: '+79991234567',
      now: T0,
    });
    expect(saved).toEqual({
      visitorId: visitor.id,
      name: 'Ivan',
      phone: '+79991234567',
      email: null,
    });
    expect((await store.conversations.get(sent.conversation.id))?.contactName).toBe('Ivan');
  });
});
