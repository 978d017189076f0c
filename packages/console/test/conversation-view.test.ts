// @vitest-environment jsdom
import './after-paint';
import type { ConversationSummary } from '@frontdesk/config';
import { within } from '@testing-library/preact';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  const container = document.createElement('div');
  document.body.append(container);
  const draw = (conversation = options.conversation ?? summary(), t = options.thread ?? thread()) =>
    act(() =>
      render(
        h(ConversationView, {
          conversation,
          thread: t,
          inbox,
          user: { id: 'u1', role: 'operator' },
          handOverChoices: async () => [],
          now: options.now ?? (() => NOON_UTC),
        }),
        container,
      ),
    );
  await draw();
  const $ = <E extends Element = HTMLElement>(selector: string) => {
    const found = container.querySelector<E>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  const button = (name: string) => {
    const found = [...container.querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === name,
    );
    if (!found) throw new Error(`no button ${name}`);
    return found;
  };
  const type = (text: string) =>
    act(() => {
      const area = $<HTMLTextAreaElement>('textarea');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const key = (init: KeyboardEventInit) =>
    act(() => {
      $('textarea').dispatchEvent(
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }),
      );
    });
  return { container, inbox, $, button, type, key, draw };
}

afterEach(() => {
  act(() => render(null, document.body));
  document.body.innerHTML = '';
});

describe('a conversation', () => {
  it('shows where the customer writes from, who they are there, and each reply’s delivery', async () => {
    const telegram = summary({ channel: 'telegram' });
    const { $, container } = await view({
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
    expect($('.conversation-channel').textContent).toBe('Writes from Telegram');
    const meta = (seq: number) => $(`[data-seq="${seq}"] .meta`).textContent;
    expect(meta(1)).toContain('· via Telegram');
    expect(meta(2)).toContain('· delivered to Telegram');
    expect(meta(3)).toContain('· sending to Telegram…');
    expect(meta(4)).toContain(
      '· not delivered to Telegram: Telegram: Forbidden: bot was blocked by the user',
    );
    expect($('[data-seq="4"] .receipt').className).toBe('receipt error');
    expect($('[data-peer="telegram"]').textContent).toBe('Anna Petrova (@anna_p)');
    expect(container.querySelector('[data-seq="2"]')?.textContent).not.toContain('read');
  });

  it('shows the visitor’s page and their local time from the injected clock', async () => {
    const { $ } = await view({ now: () => NOON_UTC });
    expect($('[data-field="local-time"]').textContent).toMatch(
      /^(21:00|9:00\sPM) \(Asia\/Tokyo\)$/,
    );
    const page = $<HTMLAnchorElement>('[data-field="page"] a');
    expect(page.textContent).toBe('Prices');
    expect(page.getAttribute('href')).toBe('https://shop.example/prices');
    expect(page.rel).toBe('noopener noreferrer');
  });

  it('redraws the local time as the clock moves', async () => {
    vi.useFakeTimers();
    try {
      let now = NOON_UTC;
      const { $ } = await view({ now: () => now });
      now = new Date('2026-03-04T12:31:00Z');
      await act(() => {
        vi.advanceTimersByTime(30_000);
      });
      expect($('[data-field="local-time"]').textContent).toMatch(/^(21:31|9:31\sPM) /);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and ignores an empty reply', async () => {
    const { inbox, type, key, $ } = await view();
    await key({ key: 'Enter' });
    expect(inbox.send).not.toHaveBeenCalled();

    await type('first line');
    const shifted = new KeyboardEvent('keydown', {
      key: 'Enter',
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    await act(() => {
      $('textarea').dispatchEvent(shifted);
    });
    expect(shifted.defaultPrevented).toBe(false);
    expect(inbox.send).not.toHaveBeenCalled();

    await type('first line\nsecond line  ');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(() => {
      $('textarea').dispatchEvent(enter);
    });
    expect(enter.defaultPrevented).toBe(true);
    expect(inbox.send).toHaveBeenCalledWith('c1', 'first line\nsecond line');
    expect($<HTMLTextAreaElement>('textarea').value).toBe('');
    // Sending ends the typing indicator the keystrokes started.
    expect(inbox.typing.mock.calls).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
  });

  it('puts focus in the reply box when opened', async () => {
    const { $ } = await view();
    expect(document.activeElement).toBe($('textarea'));
    expect($('textarea').closest('label')?.textContent).toContain('Reply to Visitor #v1a2b3');
  });

  it('marks operator messages read up to the visitor’s read mark, and reports its own reading', async () => {
    const messages = [
      message(1),
      message(2, { author: 'operator', operator: { name: 'Oleg' } }),
      message(3, { author: 'operator', operator: { name: 'Oleg' } }),
    ];
    const { container, inbox } = await view({
      conversation: summary({ readByVisitorSeq: 2, lastSeq: 3 }),
      thread: thread({ messages }),
    });
    const receipts = [...container.querySelectorAll('[data-seq] .receipt')].map((r) =>
      r.textContent?.trim(),
    );
    expect(receipts).toEqual(['· read', '· sent']);
    expect(inbox.markRead).toHaveBeenCalledWith('c1');
    expect(container.querySelector('[role="log"]')?.getAttribute('aria-label')).toBe(
      'Messages with Visitor #v1a2b3',
    );
  });

  it('shows a pending reply and a failed one with Retry under its client id', async () => {
    const { container, inbox, button } = await view({
      thread: thread({
        pending: [
          { clientId: 'aaa-111-bbb', text: 'On its way', at: '', state: 'sending' },
          { clientId: 'ccc-222-ddd', text: 'Lost', at: '', state: 'failed', error: 'timeout' },
        ],
      }),
    });
    expect(container.querySelector('[data-client-id="aaa-111-bbb"]')?.textContent).toContain(
      'sending…',
    );
    expect(container.querySelector('[data-client-id="ccc-222-ddd"]')?.textContent).toContain(
      'not sent: timeout',
    );
    await act(() => button('Retry').click());
    expect(inbox.retry).toHaveBeenCalledWith('c1', 'ccc-222-ddd');
  });

  it('shows the visitor typing', async () => {
    const { container } = await view({ thread: thread({ visitorTyping: true }) });
    expect(container.querySelector('.typing')?.textContent).toBe('Visitor #v1a2b3 is typing…');
  });

  it('asks before closing, moves focus with the question, and closes on yes', async () => {
    const { inbox, button, draw } = await view();
    await act(() => button('Close chat').click());
    expect(document.activeElement).toBe(button('Cancel'));
    await act(() => button('Cancel').click());
    expect(inbox.close).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button('Close chat'));

    await act(() => button('Close chat').click());
    await act(() => button('Yes, close chat').click());
    expect(inbox.close).toHaveBeenCalledWith('c1');
    await draw(summary({ status: 'closed', rating: 'good' }));
    expect(document.activeElement?.tagName).toBe('H2');
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.body.textContent).toContain('Closed, rated Good');
  });

  it('shows the contact card and past enquiries', async () => {
    const { container } = await view({
      thread: thread({
        contact: { visitorId: 'v1', name: 'Anna', phone: '+79123456789', email: 'anna@x.example' },
        pastEnquiries: [summary({ id: 'old', rating: 'excellent', lastMessage: message(1) })],
      }),
    });
    // Beside the conversation, in its own pane.
    const context = within(container).getByRole('complementary', { name: 'About the visitor' });
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
    const { container } = await view({
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
    const timeline = within(container).getByRole('region', {
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

  it('renders hostile message texts, operator names and visitor names as text', async () => {
    for (const evil of XSS_CORPUS) {
      const { container } = await view({
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
      const drawn = [...container.querySelectorAll('img, script, svg, iframe')];
      expect(drawn.filter((el) => !el.closest('.channel'))).toHaveLength(0);
      for (const a of container.querySelectorAll('a')) {
        expect(a.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
      }
      for (const el of container.querySelectorAll('*')) {
        expect([...el.attributes].some((attr) => attr.name.startsWith('on'))).toBe(false);
      }
      expect(container.querySelector('h2')?.textContent).toContain(evil);
      expect(container.querySelector('[data-seq="2"] .author')?.textContent).toBe(evil);
      render(null, container);
      container.remove();
    }
  });
});
