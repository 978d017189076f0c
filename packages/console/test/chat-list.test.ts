// @vitest-environment jsdom
/** The chats list: rows as links to each conversation, filters in the URL, unread counts. */
import './after-paint';
import type { ConversationSummary } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { allElements, insideClass } from '../../core/test/support/all-elements';
import { unreadCount } from '../src/attention';
import { ChatList } from '../src/chat-list';
import { useRoute } from '../src/route';
import { message, summary, XSS_CORPUS } from './chat-fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  location.hash = '';
});

/** The list as the shell draws it, following the URL. */
function list(conversations: ConversationSummary[]) {
  function Routed() {
    const route = useRoute();
    return h(ChatList, {
      conversations,
      route,
      userId: 'u1',
      unreadOf: (c: ConversationSummary) => unreadCount(c, 'u1'),
    });
  }
  render(h(Routed, {}));
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Conversations' }))
    .getAllByRole('link')
    .map((row) => row.textContent);

describe('the chats list', () => {
  const anna = summary({
    id: 'c1',
    visitor: { ...summary().visitor, name: 'Anna', online: true },
    lastMessage: message(3, { text: 'Do you deliver?' }),
    lastSeq: 3,
    unanswered: 2,
    readByOperatorSeq: 1,
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
  const theirs = summary({
    id: 'c3',
    assignee: { id: 'u2', name: 'Olga' },
    lastMessage: message(1, { at: '2026-03-04T06:00:00.000Z' }),
  });

  it('shows each conversation’s visitor, presence, unread count, widget and last message', () => {
    list([anna, mine, theirs]);
    expect(rows()).toEqual([
      'Visitor #ffee00, offlineWebsite · Site chat · You hold itOleg Operator: Yes',
      'Anna, online2 unreadWebsite · Site chat · Nobody holds it yetDo you deliver?',
      'Visitor #v1a2b3, onlineWebsite · Site chat · Held by Olgamessage 1',
    ]);
  });

  it("shows the channel a customer writes from, with the messenger's name for them", () => {
    list([
      summary({
        id: 'c4',
        channel: 'telegram',
        visitor: { ...summary().visitor, name: 'Boris Telegramov', online: false },
      }),
    ]);
    const row = screen.getByRole('link', { name: /^Boris Telegramov/ });
    // The channel's name, after its icon (drawn, and hidden from screen readers: the name says it).
    const badge = within(row).getByText('Telegram');
    expect(badge.textContent).toBe('Telegram');
    expect(badge.getAttribute('data-channel')).toBe('telegram');
    expect(badge.firstElementChild?.localName).toBe('svg');
    expect(badge.firstElementChild?.getAttribute('aria-hidden')).toBe('true');
    expect(row.textContent).toContain('Boris Telegramov, offline');
  });

  it('links each row to its conversation, keeping the filter', async () => {
    location.hash = '#/chats?filter=unassigned';
    list([anna]);
    const row = await screen.findByRole('link', { name: /^Anna/ });
    expect(row.getAttribute('href')).toBe('#/chats?filter=unassigned&chat=c1');
    location.hash = row.getAttribute('href') ?? '';
    await waitFor(() =>
      expect(screen.getByRole('link', { name: /^Anna/ }).getAttribute('aria-current')).toBe('true'),
    );
  });

  it('filters to unassigned, mine and all, with counts, the choice in the URL', async () => {
    list([anna, mine, theirs]);
    expect(screen.getByRole('button', { name: 'All (3)' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await user().click(screen.getByRole('button', { name: 'Unassigned (1)' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(location.hash).toBe('#/chats?filter=unassigned');
    expect(rows()[0]).toMatch(/^Anna/);
    await user().click(screen.getByRole('button', { name: 'Mine (1)' }));
    await waitFor(() => expect(rows()[0]).toMatch(/^Visitor #ffee00/));
    expect(screen.getByRole('button', { name: 'Mine (1)' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('shows one channel’s chats when the operator picks it, the choice in the URL', async () => {
    const boris = summary({
      id: 'c4',
      channel: 'telegram',
      visitor: { ...summary().visitor, name: 'Boris', online: false },
    });
    list([anna, mine, boris]);
    const channel = screen.getByLabelText('Channel') as HTMLSelectElement;
    expect(channel.value).toBe('');
    fireEvent.change(channel, { target: { value: 'telegram' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toMatch(/^Boris/);
    expect(location.hash).toBe('#/chats?channel=telegram');
    expect(screen.getByRole('button', { name: 'All (1)' })).toBeTruthy();
    fireEvent.change(channel, { target: { value: 'site' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(channel, { target: { value: '' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(location.hash).toBe('#/chats');
  });

  it('shows hostile visitor names, widget names and texts as text', () => {
    const evil = XSS_CORPUS.map((text, i) =>
      summary({
        id: `x${i}`,
        widget: { key: 'k', name: text },
        visitor: { ...summary().visitor, name: text },
        lastMessage: message(1, { author: 'operator', operator: { name: text }, text }),
      }),
    );
    list(evil);
    expect(rows()).toHaveLength(XSS_CORPUS.length);
    const listed = screen.getByRole('list', { name: 'Conversations' });
    // Only the channels' own icons are drawn.
    const drawn = allElements(listed).filter((el) =>
      ['img', 'script', 'svg', 'iframe'].includes(el.localName),
    );
    expect(drawn.filter((el) => !insideClass(el, 'channel'))).toHaveLength(0);
    for (const text of XSS_CORPUS) {
      expect(
        within(listed).getAllByText(text, { exact: true, selector: '.visitor-name' }),
      ).toHaveLength(1);
    }
  });
});
