// @vitest-environment jsdom
import './after-paint';
import type { ConversationSummary } from '@frontdesk/config';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allElements, insideClass } from '../../core/test/support/all-elements';
import { emptyInbox, inboxReducer, type Thread } from '../src/chat-store';
import { ConversationView } from '../src/conversation-view';
import { message, summary, XSS_CORPUS } from './chat-fixtures';

const NOON_UTC = new Date('2026-03-04T12:00:00Z');

/**
 * The thread the inbox holds for a conversation opened with nothing in it yet, made by the
 * inbox's own reducer (so it stays what the console really draws), with `change` over it.
 */
function thread(change: Partial<Thread> = {}): Thread {
  const conversation = summary();
  const opened = inboxReducer(emptyInbox, {
    type: 'opened',
    conversation,
    messages: [],
    contact: null,
    pastEnquiries: [],
    contactTimeline: null,
  }).threads.get(conversation.id);
  if (!opened) throw new Error('the inbox did not open the conversation');
  return { ...opened, ...change };
}

/** The view in the page, with every inbox action a spy. */
async function view(
  options: { conversation?: ConversationSummary; thread?: Thread; now?: () => Date } = {},
) {
  const inbox = {
    send: vi.fn(),
    retry: vi.fn(),
    typing: vi.fn(),
    markRead: vi.fn(),
    close: vi.fn(async () => undefined),
    transfer: vi.fn(async () => undefined),
  };
  const element = (
    conversation = options.conversation ?? summary(),
    t = options.thread ?? thread(),
  ) =>
    h(ConversationView, {
      conversation,
      thread: t,
      inbox,
      user: { id: 'u1', role: 'operator' },
      handOverChoices: async () => [],
      now: options.now ?? (() => NOON_UTC),
    });
  const { container, rerender } = render(element());
  const draw = (conversation?: ConversationSummary, t?: Thread) =>
    act(() => rerender(element(conversation, t)));
  const user = userEvent.setup();
  const button = (name: string) => screen.getByRole('button', { name });
  const click = (name: string) => user.click(button(name));
  const replyBox = () => screen.getByRole('textbox', { name: /^Reply to / }) as HTMLTextAreaElement;
  /** Puts `text` in the reply box, as one input (keystrokes would add typing signals). */
  const type = (text: string) => fireEvent.input(replyBox(), { target: { value: text } });
  /** Presses a key in the reply box; true when the view let the browser's default happen. */
  const key = (init: KeyboardEventInit) => fireEvent.keyDown(replyBox(), init);
  /** The messages in the log, in order: stored ones by `seq`, then pending replies. */
  const messages = () => within(screen.getByRole('log')).queryAllByRole('article');
  /** What the visitor pane says for `term` (a fact of the visitor or a messenger's name). */
  const fact = (term: string) => {
    const dt = within(screen.getByRole('complementary', { name: 'About the visitor' }))
      .getAllByRole('term')
      .find((found) => found.textContent === term);
    const dd = dt?.nextElementSibling;
    if (!dd) throw new Error(`no fact ${term}`);
    expect(within(dt.parentElement as HTMLElement).getAllByRole('definition')).toContain(dd);
    return dd as HTMLElement;
  };
  return { container, inbox, user, button, click, replyBox, type, key, messages, fact, draw };
}

afterEach(cleanup);

describe('a conversation', () => {
  it('shows where the customer writes from, who they are there, and each reply’s delivery', async () => {
    const telegram = summary({ channel: 'telegram' });
    const { messages, fact } = await view({
      conversation: telegram,
      thread: thread({
        peers: [{ channel: 'telegram', name: 'Anna Petrova', username: 'anna_p', phone: null }],
        messages: [
          message(1, { channel: 'telegram', text: 'Hi from Telegram' }),
          message(2, {
            author: 'operator',
            operator: { name: 'Oleg' },
            channel: 'telegram',
            delivery: { status: 'sent' },
          }),
          message(3, {
            author: 'operator',
            operator: { name: 'Oleg' },
            channel: 'telegram',
            delivery: { status: 'pending' },
          }),
          message(4, {
            author: 'operator',
            operator: { name: 'Oleg' },
            channel: 'telegram',
            delivery: {
              status: 'failed',
              error: 'Telegram: Forbidden: bot was blocked by the user',
            },
          }),
        ],
      }),
    });
    const channel = screen.getByText('Writes from', { exact: false });
    expect(channel.textContent).toBe('Writes from Telegram');
    // Each message's line above its text: author, time, and where it came from or went.
    const meta = (seq: number) => {
      const shown = messages()[seq - 1];
      expect(shown?.getAttribute('data-seq')).toBe(String(seq));
      // The line of the message's author, who names it.
      const author = shown?.ownerDocument.getElementById(
        shown.getAttribute('aria-labelledby') ?? '',
      );
      return author?.parentElement?.textContent;
    };
    expect(meta(1)).toContain('· via Telegram');
    expect(meta(2)).toContain('· delivered to Telegram');
    expect(meta(3)).toContain('· sending to Telegram…');
    expect(meta(4)).toContain(
      '· not delivered to Telegram: Telegram: Forbidden: bot was blocked by the user',
    );
    const failed = within(messages()[3] as HTMLElement).getByText(/not delivered to/);
    expect(failed.className).toBe('receipt error');
    expect(fact('Telegram').textContent).toBe('Anna Petrova (@anna_p)');
    expect(messages()[1]?.textContent).not.toContain('read');
  });

  it('shows the visitor’s page and their local time from the injected clock', async () => {
    const { fact } = await view({ now: () => NOON_UTC });
    expect(fact("Visitor's local time").textContent).toMatch(/^(21:00|9:00\sPM) \(Asia\/Tokyo\)$/);
    const page = within(fact('Page')).getByRole('link') as HTMLAnchorElement;
    expect(page.textContent).toBe('Prices');
    expect(page.getAttribute('href')).toBe('https://shop.example/prices');
    expect(page.rel).toBe('noopener noreferrer');
  });

  it('redraws the local time as the clock moves', async () => {
    vi.useFakeTimers();
    try {
      let now = NOON_UTC;
      const { fact } = await view({ now: () => now });
      now = new Date('2026-03-04T12:31:00Z');
      await act(() => {
        vi.advanceTimersByTime(30_000);
      });
      expect(fact("Visitor's local time").textContent).toMatch(/^(21:31|9:31\sPM) /);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and ignores an empty reply', async () => {
    const { inbox, type, key, replyBox } = await view();
    key({ key: 'Enter' });
    expect(inbox.send).not.toHaveBeenCalled();

    type('first line');
    // Shift+Enter: the browser's own new line, nothing sent.
    expect(key({ key: 'Enter', shiftKey: true })).toBe(true);
    expect(inbox.send).not.toHaveBeenCalled();

    type('first line\nsecond line  ');
    // Enter: sent, and no new line left behind.
    expect(key({ key: 'Enter' })).toBe(false);
    expect(inbox.send).toHaveBeenCalledWith('c1', 'first line\nsecond line');
    expect(replyBox().value).toBe('');
    // Sending ends the typing indicator the keystrokes started.
    expect(inbox.typing.mock.calls).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
  });

  it('puts focus in the reply box when opened', async () => {
    const { replyBox } = await view();
    expect(document.activeElement).toBe(replyBox());
    expect(replyBox().parentElement?.tagName).toBe('LABEL');
    expect(replyBox().parentElement?.textContent).toContain('Reply to Visitor #v1a2b3');
    expect(screen.getByRole('textbox', { name: 'Reply to Visitor #v1a2b3' })).toBe(replyBox());
  });

  it('marks operator messages read up to the visitor’s read mark, and reports its own reading', async () => {
    const messages = [
      message(1),
      message(2, { author: 'operator', operator: { name: 'Oleg' } }),
      message(3, { author: 'operator', operator: { name: 'Oleg' } }),
    ];
    const view_ = await view({
      conversation: summary({ readByVisitorSeq: 2, lastSeq: 3 }),
      thread: thread({ messages }),
    });
    // The visitor's own message has no receipt; the operator's say read or sent.
    const receipts = view_
      .messages()
      .map((shown) => within(shown).queryByText(/^· /)?.textContent?.trim());
    expect(receipts).toEqual([undefined, '· read', '· sent']);
    expect(view_.inbox.markRead).toHaveBeenCalledWith('c1');
    expect(screen.getByRole('log').getAttribute('aria-label')).toBe(
      'Messages with Visitor #v1a2b3',
    );
    expect(screen.getByRole('log', { name: 'Messages with Visitor #v1a2b3' })).toBeTruthy();
  });

  it('shows a pending reply and a failed one with Retry under its client id', async () => {
    const { inbox, click, messages } = await view({
      thread: thread({
        pending: [
          { clientId: 'aaa-111-bbb', text: 'On its way', at: '', state: 'sending' },
          { clientId: 'ccc-222-ddd', text: 'Lost', at: '', state: 'failed', error: 'timeout' },
        ],
      }),
    });
    const [sending, failed] = messages();
    expect(sending?.getAttribute('data-client-id')).toBe('aaa-111-bbb');
    expect(sending?.textContent).toContain('sending…');
    expect(failed?.getAttribute('data-client-id')).toBe('ccc-222-ddd');
    expect(failed?.textContent).toContain('not sent: timeout');
    expect(within(failed as HTMLElement).getByRole('button', { name: 'Retry' })).toBeTruthy();
    await click('Retry');
    expect(inbox.retry).toHaveBeenCalledWith('c1', 'ccc-222-ddd');
  });

  it('shows the visitor typing', async () => {
    await view({ thread: thread({ visitorTyping: true }) });
    const typing = screen.getByText('Visitor #v1a2b3 is typing…');
    expect(typing.textContent).toBe('Visitor #v1a2b3 is typing…');
    expect(screen.getAllByRole('status')).toContain(typing);
  });

  it('asks before closing, moves focus with the question, and closes on yes', async () => {
    const { inbox, button, click, draw } = await view();
    await click('Close chat');
    expect(document.activeElement).toBe(button('Cancel'));
    await click('Cancel');
    expect(inbox.close).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Close chat'));

    await click('Close chat');
    await click('Yes, close chat');
    expect(inbox.close).toHaveBeenCalledWith('c1');
    await draw(summary({ status: 'closed', rating: 'good' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(screen.queryByRole('textbox', { hidden: true })).toBeNull();
    expect(document.body.textContent).toContain('Closed, rated Good');
  });

  it('shows the contact card and past enquiries', async () => {
    await view({
      thread: thread({
        contact: { visitorId: 'v1', name: 'Anna', phone: '+79123456789', email: 'anna@x.example' },
        pastEnquiries: [summary({ id: 'old', rating: 'excellent', lastMessage: message(1) })],
      }),
    });
    // Beside the conversation, in its own pane.
    const context = screen.getByRole('complementary', { name: 'About the visitor' });
    const contact = within(context).getByRole('region', { name: 'Contact' });
    expect(within(contact).getByRole('link', { name: '+79123456789' }).getAttribute('href')).toBe(
      'tel:%2B79123456789',
    );
    expect(within(contact).getByRole('link', { name: 'anna@x.example' })).toBeTruthy();
    expect(within(context).getByRole('listitem').textContent).toContain(
      'rated Excellent: message 1',
    );
  });

  it('shows every enquiry of the visitor’s contact beside the chat, this one marked', async () => {
    const at = Date.parse('2026-03-04T07:00:00Z');
    await view({
      thread: thread({
        contactTimeline: {
          contactId: 'k1',
          enquiries: [
            { kind: 'chat', id: 'c1', at: at + 60_000, widgetName: 'Shop chat', status: 'open' },
            { kind: 'callback', id: 'o1', at, widgetName: 'Shop callback', status: 'done' },
          ],
        },
      }),
    });
    const timeline = screen.getByRole('region', {
      name: 'All enquiries of this contact',
    });
    const items = within(timeline).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Chat on Shop chat (this one)');
    expect(within(items[0] as HTMLElement).queryByRole('link')).toBeNull();
    expect(
      within(items[1] as HTMLElement)
        .getByRole('link', { name: 'Callback order on Shop callback' })
        .getAttribute('href'),
    ).toBe('#/orders?filter=closed&order=o1');
    expect(
      within(timeline).getByRole('link', { name: 'Open the contact' }).getAttribute('href'),
    ).toBe('#/contacts?contact=k1');
  });

  it('shows a customer’s photo from the platform, a file to download, and one coming or failed', async () => {
    const evil = XSS_CORPUS[0] ?? '';
    await view({
      conversation: summary({ visitor: { ...summary().visitor, name: 'Anna Petrova' } }),
      thread: thread({
        messages: [
          message(1, {
            channel: 'telegram',
            text: '[photo] This one?',
            attachments: [
              { id: 'a1', kind: 'image', name: null, status: 'stored', contentType: 'image/png' },
            ],
          }),
          message(2, {
            channel: 'telegram',
            text: `[file ${evil}]`,
            attachments: [
              { id: 'a2', kind: 'file', name: evil, status: 'stored', size: 2048 },
              { id: 'a3', kind: 'image', name: null, status: 'pending' },
              { id: 'a4', kind: 'file', name: 'b.pdf', status: 'failed', error: 'Too large.' },
            ],
          }),
        ],
      }),
    });
    const photo = screen.getByRole('img', { name: 'Photo from Anna Petrova' });
    expect(photo.getAttribute('src')).toBe('/v1/chat/attachments/a1');
    const file = screen.getByRole('link', { name: `${evil} (2 kB), download` });
    expect(file.getAttribute('href')).toBe('/v1/chat/attachments/a2');
    expect(file.getAttribute('download')).toBe(evil);
    expect(screen.getByText('The photo is on its way…')).toBeTruthy();
    expect(screen.getByText('The file did not arrive: Too large.')).toBeTruthy();
    // The hostile name is text: the one image is the photo.
    expect(screen.getAllByRole('img')).toEqual([photo]);
  });

  it('renders hostile message texts, operator names and visitor names as text', async () => {
    for (const evil of XSS_CORPUS) {
      const { container, messages } = await view({
        conversation: summary({
          widget: { key: 'k', name: evil },
          visitor: {
            ...summary().visitor,
            name: evil,
            page: { url: `javascript:${evil}`, title: evil },
          },
        }),
        thread: thread({
          messages: [
            message(1, { text: evil }),
            message(2, { author: 'operator', operator: { name: evil }, text: evil }),
          ],
          pending: [{ clientId: 'p-1-2-3-4', text: evil, at: '', state: 'failed', error: evil }],
          contact: { visitorId: 'v1', name: evil, phone: null, email: null },
          pastEnquiries: [summary({ id: 'old', lastMessage: message(1, { text: evil }) })],
        }),
      });
      // Only the channels' own icons are drawn.
      const all = allElements(container);
      const drawn = all.filter((el) => ['img', 'script', 'svg', 'iframe'].includes(el.localName));
      expect(drawn.filter((el) => !insideClass(el, 'channel'))).toHaveLength(0);
      const links = all.filter((el) => el.localName === 'a');
      expect(links).toEqual(screen.queryAllByRole('link'));
      for (const a of links) {
        expect(a.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
      }
      for (const el of all) {
        expect([...el.attributes].some((attr) => attr.name.startsWith('on'))).toBe(false);
      }
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(evil);
      // Both messages are named by their authors, the hostile names as text.
      expect(messages()[1]?.getAttribute('data-seq')).toBe('2');
      expect(screen.getAllByRole('article', { name: evil })).toEqual(messages().slice(0, 2));
      cleanup();
    }
  });
});
