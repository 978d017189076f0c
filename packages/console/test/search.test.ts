// @vitest-environment jsdom
/** The search box and its results: words in the URL, chats and orders found, live copies shown. */
import './after-paint';
import type { CallbackOrder, ConversationSummary } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOME, useRoute } from '../src/route';
import { SearchForm, SearchList } from '../src/search';
import { message, summary } from './chat-fixtures';
import { fakeFetch } from './fake-fetch';
import { NOW, order } from './order-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  location.hash = '';
});

describe('the search box', () => {
  it('puts the words in the URL, keeping what is open', async () => {
    render(
      h(SearchForm, {
        route: { ...HOME, open: { kind: 'chat', id: 'c1' } },
        inputRef: { current: null },
      }),
    );
    const box = screen.getByRole('searchbox', { name: 'Search chats and orders' });
    fireEvent.input(box, { target: { value: '  volna bike ' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(location.hash).toBe('#/search?q=volna+bike&chat=c1'));
  });

  it('asks for two characters at least, naming the box', () => {
    render(h(SearchForm, { route: HOME, inputRef: { current: null } }));
    const box = screen.getByRole('searchbox', { name: 'Search chats and orders' });
    fireEvent.input(box, { target: { value: 'v' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    expect(screen.getByRole('alert').textContent).toBe('Type at least 2 characters.');
    expect(box.getAttribute('aria-describedby')).toBe('search-hint');
    expect(location.hash).toBe('');
  });
});

describe('the search results', () => {
  const found = summary({ id: 'c1', lastMessage: message(1, { text: 'Is the Volna free?' }) });
  const ivan = order({ id: 'o1', status: 'done', name: 'Ivan' });

  function results(live: { conversations?: ConversationSummary[]; orders?: CallbackOrder[] } = {}) {
    const asked = fakeFetch({
      'GET /v1/ops/search': () => ({ body: { conversations: [found], orders: [ivan] } }),
    });
    const addOrders = vi.fn();
    const announce = vi.fn();
    function Routed() {
      return h(SearchList, {
        route: useRoute(),
        userId: 'u1',
        conversations: new Map((live.conversations ?? []).map((c) => [c.id, c])),
        orders: new Map((live.orders ?? []).map((o) => [o.id, o])),
        unreadOf: () => 0,
        addOrders,
        announce,
        now: NOW,
      });
    }
    render(h(Routed, {}));
    return { asked, addOrders, announce };
  }

  it('lists the chats and orders found, each linked with the words kept', async () => {
    location.hash = '#/search?q=volna';
    const { asked, addOrders, announce } = results();
    const chats = await screen.findByRole('list', { name: 'Chats (1)' });
    const chat = within(chats).getByRole('link');
    expect(chat.textContent).toContain('Is the Volna free?');
    expect(chat.getAttribute('href')).toBe('#/search?q=volna&chat=c1');
    const orders = screen.getByRole('list', { name: 'Orders (1)' });
    expect(within(orders).getByRole('link').getAttribute('href')).toBe('#/search?q=volna&order=o1');
    expect(asked).toEqual(['/v1/ops/search?q=volna']);
    // Found orders join the console's, so that opening one needs nothing more.
    expect(addOrders).toHaveBeenCalledWith([ivan]);
    // Counted through Intl.PluralRules: one chat, one order.
    expect(announce).toHaveBeenCalledWith('Found 1 chat and 1 order.');
  });

  it('shows what the console holds live instead of the search’s copy', async () => {
    location.hash = '#/search?q=volna';
    results({
      conversations: [{ ...found, visitor: { ...found.visitor, name: 'Anna', online: true } }],
      orders: [{ ...ivan, status: 'accepted' }],
    });
    const chats = await screen.findByRole('list', { name: 'Chats (1)' });
    expect(within(chats).getByRole('link').textContent).toMatch(/^Anna, online/);
    expect(
      within(screen.getByRole('list', { name: 'Orders (1)' })).getByRole('link').textContent,
    ).toMatch(/^Accepted/);
  });
});
