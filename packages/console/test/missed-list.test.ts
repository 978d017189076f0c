// @vitest-environment jsdom
/**
 * The Missed list and the queues' line (issue 23): each kind under its heading with its count,
 * links to the chat or order, a call marked handled; the queues with how many wait and for how
 * long.
 */
import './after-paint';
import type { MissedList as Missed } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MissedList } from '../src/missed-list';
import { QueueStatus } from '../src/queues';
import { HOME } from '../src/route';
import { message, summary } from './chat-fixtures';
import { NOW, order } from './order-fixtures';

afterEach(cleanup);

const MISSED: Missed = {
  chats: [
    summary({
      id: 'c9',
      visitor: { ...summary().visitor, name: 'Vera' },
      lastMessage: message(1, { text: 'Is anyone there?' }),
    }),
  ],
  calls: [
    {
      id: 'call-1',
      widgetName: 'Call us',
      status: 'no_answer',
      page: { url: 'https://shop.example/', title: 'Shop' },
      startedAt: NOW,
      endedAt: NOW + 30_000,
    },
  ],
  orders: [order({ id: 'o7', phone: '+79990001122', status: 'ringing' })],
};

function show(missed: Missed | null, handleCall = vi.fn(async () => undefined)) {
  render(
    h(MissedList, {
      missed,
      route: { ...HOME, section: 'missed' },
      userId: 'u1',
      conversations: new Map(),
      orders: new Map(),
      unreadOf: () => 0,
      handleCall,
      now: NOW,
    }),
  );
  return handleCall;
}

describe('the Missed list', () => {
  it('lists each kind under its heading, chats and orders as links to open them', () => {
    show(MISSED);
    const chats = screen.getByRole('list', { name: 'Chats nobody answered (1)' });
    const link = within(chats).getByRole('link');
    expect(link.textContent).toContain('Vera');
    expect(link.getAttribute('href')).toBe('#/missed?chat=c9');
    const orders = screen.getByRole('list', { name: 'Orders past their time (1)' });
    expect(within(orders).getByRole('link').getAttribute('href')).toBe('#/missed?order=o7');
    const calls = screen.getByRole('list', { name: 'Calls that rang out (1)' });
    expect(calls.textContent).toContain('Call us');
    expect(calls.textContent).toContain('nobody answered');
  });

  it('marks a call handled, and says so when the platform refuses', async () => {
    const handle = show(MISSED);
    fireEvent.click(
      screen.getByRole('button', { name: /^Mark handled: the call of .* on Call us$/ }),
    );
    expect(handle).toHaveBeenCalledWith('call-1');
    handle.mockRejectedValueOnce(new Error('No missed call call-1 to handle.'));
    fireEvent.click(screen.getByRole('button', { name: /^Mark handled/ }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('No missed call call-1 to handle.'),
    );
  });

  it('says none under each empty heading, and loading before the first answer', () => {
    show({ chats: [], calls: [], orders: [] });
    expect(screen.getAllByText('None.')).toHaveLength(3);
    cleanup();
    show(null);
    expect(screen.getByText('Loading…')).toBeTruthy();
  });
});

describe('the queues', () => {
  it('tells how many wait in each queue and for how long, counting on from when told', () => {
    const queues = new Map([
      [
        'g2',
        { queue: { groupId: 'g2', name: 'Support', length: 0, longestWaitSeconds: 0 }, toldAt: 0 },
      ],
      [
        'g1',
        { queue: { groupId: 'g1', name: 'Sales', length: 2, longestWaitSeconds: 100 }, toldAt: 0 },
      ],
    ]);
    render(h(QueueStatus, { queues, now: 50_000 }));
    const items = within(screen.getByRole('list', { name: 'Queues' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Sales: 2 waiting, the longest for 2 min',
      'Support: nobody waiting',
    ]);
  });

  it('shows nothing to someone in no distributing group', () => {
    render(h(QueueStatus, { queues: new Map(), now: 0 }));
    expect(screen.queryByRole('list', { name: 'Queues' })).toBeNull();
  });
});
