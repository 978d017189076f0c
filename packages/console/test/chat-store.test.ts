import { describe, expect, it } from 'vitest';
import {
  emptyInbox,
  type InboxAction,
  type InboxState,
  inboxReducer,
  lastSeq,
  matchesFilter,
  sortConversations,
  visitorName,
} from '../src/chat-store';
import { consoleTexts } from '../src/i18n/console-texts';
import { message, summary } from './chat-fixtures';

const unnamed = consoleTexts.en.unnamedVisitor;

const run = (...actions: InboxAction[]) => actions.reduce(inboxReducer, emptyInbox);
const opened = (...messages: ReturnType<typeof message>[]): InboxAction => ({
  type: 'opened',
  conversation: summary({ lastSeq: messages.at(-1)?.seq ?? 0 }),
  messages,
  contact: null,
  pastEnquiries: [],
});
const thread = (state: InboxState) => state.threads.get('c1');
const seqs = (state: InboxState) => thread(state)?.messages.map((m) => m.seq);

describe('the inbox store', () => {
  it('keeps one message per seq, in seq order, whatever order and how often they arrive', () => {
    const state = run(
      opened(message(1), message(3)),
      { type: 'messages', conversationId: 'c1', messages: [message(5), message(2)] },
      { type: 'messages', conversationId: 'c1', messages: [message(3), message(4), message(5)] },
      { type: 'messages', conversationId: 'c1', messages: [message(1)] },
    );
    expect(seqs(state)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeq(thread(state))).toBe(5);
  });

  it("settles a customer's attachment once, from the event or a resync, never back", () => {
    const photo = message(2, {
      channel: 'viber',
      attachments: [{ id: 'a1', kind: 'image', name: null, status: 'pending' }],
    });
    const stored = {
      id: 'a1',
      kind: 'image',
      name: null,
      status: 'stored',
      contentType: 'image/png',
      size: 10,
    } as const;
    const attachmentsOf = (state: InboxState) => thread(state)?.messages[1]?.attachments;
    const told = run(opened(message(1), photo), {
      type: 'attachment',
      conversationId: 'c1',
      seq: 2,
      attachment: stored,
    });
    expect(attachmentsOf(told)).toEqual([stored]);
    // A late copy of the pending message changes nothing.
    expect(inboxReducer(told, { type: 'messages', conversationId: 'c1', messages: [photo] })).toBe(
      told,
    );
    // A resync that reads it failed settles one still pending.
    const failed = {
      id: 'a1',
      kind: 'image',
      name: null,
      status: 'failed',
      error: 'Gone.',
    } as const;
    const resynced = run(opened(message(1), photo), {
      type: 'messages',
      conversationId: 'c1',
      messages: [{ ...photo, attachments: [failed] }],
    });
    expect(attachmentsOf(resynced)).toEqual([failed]);
  });

  it("moves a reply's delivery to a messenger on, never back", () => {
    const reply = message(2, {
      author: 'operator',
      channel: 'telegram',
      delivery: { status: 'pending' },
    });
    const delivery = (status: 'pending' | 'sent' | 'failed', error?: string): InboxAction => ({
      type: 'delivery',
      conversationId: 'c1',
      seq: 2,
      delivery: { status, ...(error ? { error } : {}) },
    });
    const deliveryOf = (state: InboxState) => thread(state)?.messages[1]?.delivery;
    const retried = run(
      opened(message(1), reply),
      delivery('pending', 'Telegram: Too Many Requests'),
    );
    expect(deliveryOf(retried)).toEqual({
      status: 'pending',
      error: 'Telegram: Too Many Requests',
    });
    const failed = inboxReducer(
      retried,
      delivery('failed', 'Telegram: Forbidden: bot was blocked by the user'),
    );
    expect(deliveryOf(failed)).toEqual({
      status: 'failed',
      error: 'Telegram: Forbidden: bot was blocked by the user',
    });
    // A late copy of the pending reply (an echo, a resync) changes nothing.
    expect(
      inboxReducer(failed, { type: 'messages', conversationId: 'c1', messages: [reply] }),
    ).toBe(failed);
    // A reopen that reads it delivered shows it delivered.
    const sent = inboxReducer(retried, {
      ...(opened(message(1), { ...reply, delivery: { status: 'sent' } }) as Extract<
        InboxAction,
        { type: 'opened' }
      >),
    });
    expect(deliveryOf(sent)).toEqual({ status: 'sent' });
  });

  it('returns the same state for a duplicate, so nothing re-renders', () => {
    const state = run(opened(message(1)));
    const again = inboxReducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [message(1)],
    });
    expect(again).toBe(state);
  });

  it('shows a reply as pending until its stored copy (same clientId) arrives', () => {
    const pending = run(opened(message(1)), {
      type: 'pending',
      conversationId: 'c1',
      clientId: 'abc-123-def',
      text: 'Hello',
      at: '2026-03-04T07:05:00.000Z',
    });
    expect(thread(pending)?.pending).toEqual([
      expect.objectContaining({ clientId: 'abc-123-def', state: 'sending' }),
    ]);
    const failed = inboxReducer(pending, {
      type: 'failed',
      conversationId: 'c1',
      clientId: 'abc-123-def',
      error: 'timeout',
    });
    expect(thread(failed)?.pending[0]).toMatchObject({ state: 'failed', error: 'timeout' });
    const retrying = inboxReducer(failed, {
      type: 'retrying',
      conversationId: 'c1',
      clientId: 'abc-123-def',
    });
    expect(thread(retrying)?.pending[0]?.state).toBe('sending');
    const stored = message(2, { author: 'operator', clientId: 'abc-123-def', text: 'Hello' });
    const acked = inboxReducer(retrying, {
      type: 'messages',
      conversationId: 'c1',
      messages: [stored],
    });
    expect(thread(acked)?.pending).toEqual([]);
    expect(seqs(acked)).toEqual([1, 2]);
    // The ack and the broadcast both carry it: still one message.
    expect(
      seqs(inboxReducer(acked, { type: 'messages', conversationId: 'c1', messages: [stored] })),
    ).toEqual([1, 2]);
  });

  it('never adds a pending message twice for one clientId', () => {
    const add: InboxAction = {
      type: 'pending',
      conversationId: 'c1',
      clientId: 'same-id-1',
      text: 'x',
      at: '2026-03-04T07:05:00.000Z',
    };
    expect(thread(run(opened(), add, add))?.pending).toHaveLength(1);
  });

  it('a visitor message with the same clientId as a pending reply does not ack it', () => {
    const state = run(
      opened(),
      { type: 'pending', conversationId: 'c1', clientId: 'shared-1', text: 'x', at: '' },
      { type: 'messages', conversationId: 'c1', messages: [message(1, { clientId: 'shared-1' })] },
    );
    expect(thread(state)?.pending).toHaveLength(1);
  });

  it('counts unanswered visitor messages once each and clears them on a reply', () => {
    let state = run({ type: 'listed', conversations: [summary()] });
    const add = (m: ReturnType<typeof message>) =>
      inboxReducer(state, { type: 'messages', conversationId: 'c1', messages: [m] });
    state = add(message(1));
    state = add(message(2));
    state = add(message(2));
    expect(state.conversations.get('c1')).toMatchObject({ unanswered: 2, lastSeq: 2 });
    // The platform's own summary, arriving after, is the truth; the message it counts is not counted twice.
    state = inboxReducer(state, {
      type: 'conversation',
      conversation: summary({ lastSeq: 3, unanswered: 3, lastMessage: message(3) }),
    });
    state = add(message(3));
    expect(state.conversations.get('c1')?.unanswered).toBe(3);
    state = add(message(4, { author: 'auto' }));
    expect(state.conversations.get('c1')?.unanswered).toBe(3);
    state = add(message(5, { author: 'operator', operator: { name: 'Oleg' } }));
    expect(state.conversations.get('c1')).toMatchObject({ unanswered: 0, lastSeq: 5 });
    expect(state.conversations.get('c1')?.lastMessage?.text).toBe('message 5');
  });

  it('moves the visitor’s read mark and this console’s read report only forward', () => {
    let state = run({ type: 'listed', conversations: [summary()] }, opened(message(1), message(2)));
    state = inboxReducer(state, { type: 'readByVisitor', conversationId: 'c1', upToSeq: 2 });
    state = inboxReducer(state, { type: 'readByVisitor', conversationId: 'c1', upToSeq: 1 });
    expect(state.conversations.get('c1')?.readByVisitorSeq).toBe(2);
    state = inboxReducer(state, { type: 'readSent', conversationId: 'c1', upToSeq: 2 });
    expect(inboxReducer(state, { type: 'readSent', conversationId: 'c1', upToSeq: 1 })).toBe(state);
    expect(thread(state)?.readSent).toBe(2);
  });

  it('turns the visitor’s typing off when their message arrives', () => {
    const state = run(
      opened(),
      { type: 'typing', conversationId: 'c1', typing: true },
      { type: 'messages', conversationId: 'c1', messages: [message(1)] },
    );
    expect(thread(state)?.visitorTyping).toBe(false);
  });

  it('takes a new list as the truth but keeps an opened conversation that fell off it', () => {
    const state = run(
      { type: 'listed', conversations: [summary(), summary({ id: 'c2' }), summary({ id: 'c3' })] },
      opened(),
      { type: 'listed', conversations: [summary({ id: 'c3', unanswered: 1 })] },
    );
    expect([...state.conversations.keys()].sort()).toEqual(['c1', 'c3']);
    expect(state.conversations.get('c3')?.unanswered).toBe(1);
  });

  it('ignores thread events of conversations it has not opened', () => {
    const state = run({ type: 'listed', conversations: [summary()] });
    expect(inboxReducer(state, { type: 'typing', conversationId: 'c1', typing: true })).toBe(state);
  });

  it('filters unassigned, mine and all, and sorts open and recent first', () => {
    const me = 'u1';
    const free = summary({ id: 'free' });
    const mine = summary({ id: 'mine', assignee: { id: me, name: 'Me' } });
    const theirs = summary({ id: 'theirs', assignee: { id: 'u2', name: 'Olga' } });
    const closed = summary({ id: 'closed', status: 'closed' });
    const all = [free, mine, theirs, closed];
    const ids = (f: 'unassigned' | 'mine' | 'all') =>
      all.filter((c) => matchesFilter(c, f, me)).map((c) => c.id);
    expect(ids('unassigned')).toEqual(['free']);
    expect(ids('mine')).toEqual(['mine']);
    expect(ids('all')).toEqual(['free', 'mine', 'theirs', 'closed']);

    const recent = summary({ id: 'recent', lastMessage: message(9) });
    expect(sortConversations([closed, free, recent]).map((c) => c.id)).toEqual([
      'recent',
      'free',
      'closed',
    ]);
  });

  it('names the visitor by contact name or as "Visitor #" and a short id', () => {
    expect(visitorName(summary().visitor, unnamed)).toBe('Visitor #v1a2b3');
    expect(visitorName({ ...summary().visitor, name: '  ' }, unnamed)).toBe('Visitor #v1a2b3');
    expect(visitorName({ ...summary().visitor, name: 'Anna' }, unnamed)).toBe('Anna');
    expect(visitorName(summary().visitor, consoleTexts.ru.unnamedVisitor)).toBe(
      'Посетитель #v1a2b3',
    );
  });
});
