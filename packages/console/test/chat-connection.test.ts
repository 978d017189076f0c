// @vitest-environment jsdom
import './after-paint';
import type { ConversationSummary } from '@frontdesk/config';
import { act, cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type InboxConnection, useChatInbox } from '../src/chat-connection';
import { FakeOps, message, summary } from './chat-fixtures';

/** The hook mounted over a fake `/ops`, with the platform answering list and open. */
async function connected(conversations: ConversationSummary[] = [summary()]) {
  const ops = new FakeOps();
  ops.answers['chat:list'] = () => ({ ok: true, conversations });
  ops.answers['chat:open'] = ({ conversationId }: { conversationId: string }) => ({
    ok: true,
    conversation: conversations.find((c) => c.id === conversationId),
    messages: [message(1), message(2)],
    contact: null,
    pastEnquiries: [],
  });
  ops.answers['chat:sync'] = () => ({ ok: true, messages: [] });
  const fresh: ConversationSummary[] = [];
  const written: [number, string][] = [];
  const handed: [string, string | undefined][] = [];
  const hook: { current?: InboxConnection } = {};
  function Probe() {
    hook.current = useChatInbox(ops.socket, {
      newConversation: (c) => fresh.push(c),
      visitorMessage: (m, c) => written.push([m.seq, c.id]),
      holderChanged: (c, before) => handed.push([c.id, before.assignee?.id]),
    });
    return null;
  }
  const { unmount } = render(h(Probe, {}));
  await act(async () => undefined);
  const inbox = () => {
    if (!hook.current) throw new Error('not mounted');
    return hook.current;
  };
  const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
  const push = (event: string, payload?: unknown) => act(() => ops.push(event, payload));
  return {
    ops,
    inbox,
    fresh,
    written,
    handed,
    settle,
    push,
    unmount,
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the inbox over /ops', () => {
  it('lists on connect and opens a conversation with its messages', async () => {
    const { inbox, settle } = await connected();
    await settle();
    expect(inbox().state.conversations.get('c1')).toBeDefined();
    await act(() => inbox().open('c1'));
    expect(
      inbox()
        .state.threads.get('c1')
        ?.messages.map((m) => m.seq),
    ).toEqual([1, 2]);
  });

  it('announces only conversations that appear after the first list, once', async () => {
    const { fresh, push, settle } = await connected();
    await settle();
    expect(fresh).toEqual([]);
    await push('chat:conversation', summary({ lastSeq: 1 }));
    await push('chat:conversation', summary({ id: 'c2' }));
    await push('chat:conversation', summary({ id: 'c2', lastSeq: 1 }));
    await push('chat:conversation', summary({ id: 'c3', status: 'closed' }));
    expect(fresh.map((c) => c.id)).toEqual(['c2']);
  });

  it('tells when an open conversation changes hands, with who held it before', async () => {
    const { handed, push, settle } = await connected([
      summary({ queuedAt: '2026-03-04T07:00:00Z' }),
    ]);
    await settle();
    const oleg = { id: 'u1', name: 'Oleg' };
    await push('chat:conversation', summary({ assignee: oleg }));
    await push('chat:conversation', summary({ assignee: oleg, lastSeq: 2 }));
    await push('chat:conversation', summary({ assignee: { id: 'u2', name: 'Olga' } }));
    await push('chat:conversation', summary({ status: 'closed', assignee: oleg }));
    expect(handed).toEqual([
      ['c1', undefined],
      ['c1', 'u1'],
    ]);
  });

  it('tells of each new visitor message in a listed conversation, once, and of no other', async () => {
    const { written, push, settle } = await connected([summary({ lastSeq: 2 })]);
    await settle();
    await push('chat:message', message(3));
    // The summary that follows counts it: the same message again is no news.
    await push('chat:conversation', summary({ lastSeq: 3 }));
    await push('chat:message', message(3));
    await push('chat:message', message(4, { author: 'operator', operator: { name: 'Oleg' } }));
    await push('chat:message', message(5, { author: 'auto' }));
    // A conversation not listed yet is a new conversation, told as such.
    await push('chat:message', message(1, { conversationId: 'c9' }));
    await push('chat:message', message(6));
    expect(written).toEqual([
      [3, 'c1'],
      [6, 'c1'],
    ]);
  });

  it('resyncs every opened conversation after its last seq on reconnect, and on a seq gap', async () => {
    const { ops, inbox, push, settle } = await connected();
    await settle();
    await act(() => inbox().open('c1'));
    ops.answers['chat:sync'] = () => ({ ok: true, messages: [message(3), message(4)] });
    await push('connect');
    await settle();
    expect(ops.sent('chat:list')).toHaveLength(2);
    expect(ops.sent('chat:sync')).toEqual([{ conversationId: 'c1', afterSeq: 2 }]);
    expect(
      inbox()
        .state.threads.get('c1')
        ?.messages.map((m) => m.seq),
    ).toEqual([1, 2, 3, 4]);

    ops.answers['chat:sync'] = () => ({ ok: true, messages: [message(5), message(6)] });
    await push('chat:message', message(6));
    await settle();
    expect(ops.sent('chat:sync').at(-1)).toEqual({ conversationId: 'c1', afterSeq: 4 });
    expect(
      inbox()
        .state.threads.get('c1')
        ?.messages.map((m) => m.seq),
    ).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('sends with a fresh client id and retries a failure under the same one', async () => {
    const { ops, inbox, settle } = await connected();
    await settle();
    await act(() => inbox().open('c1'));
    ops.answers['chat:send'] = () => ({
      ok: false,
      error: { code: 'rate_limited', message: 'Too many messages' },
    });
    await act(() => inbox().send('c1', 'Hello'));
    await settle();
    const [first] = ops.sent('chat:send') as { clientId: string; text: string }[];
    expect(first?.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(inbox().state.threads.get('c1')?.pending[0]).toMatchObject({
      state: 'failed',
      error: 'Too many messages',
    });

    ops.answers['chat:send'] = ({ clientId, text }: { clientId: string; text: string }) => ({
      ok: true,
      message: message(3, { author: 'operator', clientId, text }),
    });
    await act(() => inbox().retry('c1', first?.clientId ?? ''));
    await settle();
    const sends = ops.sent('chat:send') as { clientId: string }[];
    expect(sends.map((s) => s.clientId)).toEqual([first?.clientId, first?.clientId]);
    const thread = inbox().state.threads.get('c1');
    expect(thread?.pending).toEqual([]);
    expect(thread?.messages.at(-1)).toMatchObject({ seq: 3, text: 'Hello' });

    await act(() => inbox().send('c1', 'Again'));
    await settle();
    expect((ops.sent('chat:send').at(-1) as { clientId: string }).clientId).not.toBe(
      first?.clientId,
    );
  });

  it('reports reading once per new seq', async () => {
    const { ops, inbox, push, settle } = await connected();
    await settle();
    await act(() => inbox().open('c1'));
    await act(() => inbox().markRead('c1'));
    await act(() => inbox().markRead('c1'));
    await push('chat:message', message(3));
    await act(() => inbox().markRead('c1'));
    expect(ops.sent('chat:read')).toEqual([
      { conversationId: 'c1', upToSeq: 2 },
      { conversationId: 'c1', upToSeq: 3 },
    ]);
  });

  it('takes the visitor’s read mark and typing; a typing without its "stopped" expires', async () => {
    const { inbox, push, settle } = await connected();
    await settle();
    await act(() => inbox().open('c1'));
    vi.useFakeTimers();
    await push('chat:read', { conversationId: 'c1', upToSeq: 2 });
    expect(inbox().state.conversations.get('c1')?.readByVisitorSeq).toBe(2);
    await push('chat:typing', { conversationId: 'c1', typing: true });
    expect(inbox().state.threads.get('c1')?.visitorTyping).toBe(true);
    await act(() => {
      vi.advanceTimersByTime(6000);
    });
    expect(inbox().state.threads.get('c1')?.visitorTyping).toBe(false);
  });

  it('closes, showing it at once', async () => {
    const { ops, inbox, settle } = await connected();
    await settle();
    ops.answers['chat:close'] = () => ({ ok: true });
    await act(() => inbox().close('c1'));
    expect(ops.sent('chat:close')).toEqual([{ conversationId: 'c1' }]);
    expect(inbox().state.conversations.get('c1')?.status).toBe('closed');
  });

  it('stops listening when unmounted', async () => {
    const { ops, inbox, unmount, settle } = await connected();
    await settle();
    const before = inbox().state;
    unmount();
    ops.push('chat:conversation', summary({ id: 'c9' }));
    expect(inbox().state).toBe(before);
  });
});
