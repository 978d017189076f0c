// @vitest-environment jsdom
import type { ConversationSummary } from '@frontdesk/config';
import type { StaffUser } from '@frontdesk/staff';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatInbox } from '../src/chat-inbox';
import { FakeOps, message, summary, XSS_CORPUS } from './chat-fixtures';

vi.mock('../src/notify', () => ({
  chime: vi.fn(),
  desktopNotify: vi.fn(),
  canAskForNotifications: vi.fn(() => true),
  askForNotifications: vi.fn(async () => 'granted'),
}));
const notify = await import('../src/notify');

const oleg: StaffUser = {
  id: 'u1',
  accountId: 'a1',
  email: 'operator@demo.test',
  name: 'Oleg Operator',
  role: 'operator',
  photoUrl: null,
};

async function inbox(conversations: ConversationSummary[]) {
  const ops = new FakeOps();
  ops.answers['chat:list'] = () => ({ ok: true, conversations });
  ops.answers['chat:open'] = ({ conversationId }: { conversationId: string }) => ({
    ok: true,
    conversation: conversations.find((c) => c.id === conversationId),
    messages: [message(1, { conversationId })],
    contact: null,
    pastEnquiries: [],
  });
  const announced: string[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(
      h(ChatInbox, { socket: ops.socket, user: oleg, announce: (t) => announced.push(t) }),
      container,
    );
  });
  await act(async () => await new Promise((r) => setTimeout(r, 0)));
  const rows = () =>
    [...container.querySelectorAll<HTMLButtonElement>('.conversation-row')].map((row) => ({
      id: row.dataset.conversationId,
      text: row.textContent,
    }));
  const button = (name: RegExp) => {
    const found = [...container.querySelectorAll('button')].find((b) =>
      name.test(b.textContent ?? ''),
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const click = (element: HTMLElement) =>
    act(async () => {
      element.click();
      await new Promise((r) => setTimeout(r, 0));
    });
  return { ops, container, announced, rows, button, click };
}

beforeEach(() => vi.clearAllMocks());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the Chats screen', () => {
  const anna = summary({
    id: 'c1',
    visitor: { ...summary().visitor, name: 'Anna', online: true },
    lastMessage: message(3, { text: 'Do you deliver?' }),
    unanswered: 2,
  });
  const mine = summary({
    id: 'c2',
    assignee: { id: 'u1', name: 'Oleg Operator' },
    visitor: { ...summary().visitor, id: 'ffee00112233', online: false },
    lastMessage: message(4, {
      author: 'operator',
      operator: { name: 'Oleg Operator' },
      text: 'Yes',
    }),
  });
  const theirs = summary({ id: 'c3', assignee: { id: 'u2', name: 'Olga' } });

  it('lists conversations with widget, visitor, preview, unanswered and online', async () => {
    const { rows, container } = await inbox([anna, mine, theirs]);
    expect(rows().map((r) => r.id)).toEqual(['c2', 'c1', 'c3']);
    const annaRow = container.querySelector('[data-conversation-id="c1"]');
    expect(annaRow?.textContent).toBe('Anna, online2 unansweredWebsite · Site chatDo you deliver?');
    expect(annaRow?.querySelector('.dot-online')).not.toBeNull();
    const mineRow = container.querySelector('[data-conversation-id="c2"]');
    expect(mineRow?.textContent).toContain('Visitor #ffee00, offline');
    expect(mineRow?.textContent).toContain('Oleg Operator: Yes');
  });

  it("shows the channel a customer writes from, with the messenger's name for them", async () => {
    const telegram = summary({
      id: 'c4',
      channel: 'telegram',
      visitor: { ...summary().visitor, name: 'Boris Telegramov', online: false },
    });
    const { container } = await inbox([telegram]);
    const row = container.querySelector('[data-conversation-id="c4"]');
    expect(row?.querySelector('[data-channel]')?.textContent).toBe('Telegram');
    expect(row?.querySelector('[data-channel] svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(row?.textContent).toContain('Boris Telegramov, offline');
  });

  it('filters to unassigned, mine and all, with counts', async () => {
    const { rows, button, click } = await inbox([anna, mine, theirs]);
    expect(button(/^All/).textContent).toBe('All (3)');
    await click(button(/^Unassigned/));
    expect(button(/^Unassigned/).getAttribute('aria-pressed')).toBe('true');
    expect(rows().map((r) => r.id)).toEqual(['c1']);
    await click(button(/^Mine/));
    expect(rows().map((r) => r.id)).toEqual(['c2']);
    expect(button(/^Mine/).textContent).toBe('Mine (1)');
  });

  it('opens a conversation on click and marks its row current', async () => {
    const { ops, container, click } = await inbox([anna]);
    const row = container.querySelector<HTMLButtonElement>('[data-conversation-id="c1"]');
    if (!row) throw new Error('no row');
    await click(row);
    expect(ops.sent('chat:open')).toEqual([{ conversationId: 'c1' }]);
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(container.querySelector('[role="log"]')?.textContent).toContain('message 1');
    expect(ops.sent('chat:read')).toEqual([{ conversationId: 'c1', upToSeq: 1 }]);
  });

  it('chimes, notifies and announces a new conversation', async () => {
    const { ops, announced } = await inbox([anna]);
    await act(() =>
      ops.push(
        'chat:conversation',
        summary({ id: 'c9', visitor: { ...summary().visitor, name: 'Boris' } }),
      ),
    );
    expect(notify.chime).toHaveBeenCalledTimes(1);
    expect(notify.desktopNotify).toHaveBeenCalledWith(
      'New chat: Boris',
      'Site chat',
      expect.any(Function),
    );
    expect(announced).toEqual(['New chat from Boris on Site chat']);
  });

  it('asks for desktop notifications only when the operator clicks', async () => {
    const { button, click } = await inbox([]);
    expect(notify.askForNotifications).not.toHaveBeenCalled();
    await click(button(/Turn on notifications/));
    expect(notify.askForNotifications).toHaveBeenCalledTimes(1);
  });

  it('shows hostile visitor names, widget names and texts in the list as text', async () => {
    const evil = XSS_CORPUS.map((text, i) =>
      summary({
        id: `x${i}`,
        widget: { key: 'k', name: text },
        visitor: { ...summary().visitor, name: text },
        lastMessage: message(1, { author: 'operator', operator: { name: text }, text }),
      }),
    );
    const { container, rows } = await inbox(evil);
    expect(rows()).toHaveLength(XSS_CORPUS.length);
    // Only the channels' own icons are drawn.
    const drawn = [...container.querySelectorAll('img, script, svg, iframe, a')];
    expect(drawn.filter((el) => !el.closest('.channel'))).toHaveLength(0);
    for (const [i, text] of XSS_CORPUS.entries()) {
      expect(
        container.querySelector(`[data-conversation-id="x${i}"] .visitor-name`)?.textContent,
      ).toBe(text);
    }
  });
});
