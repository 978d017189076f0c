// @vitest-environment jsdom
/** The orders list: open, scheduled (with their time) and closed (from the call history). */
import './after-paint';
import type { CallbackOrder } from '@frontdesk/config';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrderList } from '../src/order-list';
import { useRoute } from '../src/route';
import { fakeFetch } from './fake-fetch';
import { NOW, order } from './order-fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  location.hash = '';
});

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The list over `orders`, following the URL, with the call history giving `history`. */
function list(orders: CallbackOrder[], history: Record<string, unknown>[] = []) {
  const asked = fakeFetch({
    'GET /v1/admin/call-history': (url) => ({
      body: {
        items: history.filter((h) => h.status === url.searchParams.get('status')),
        next: null,
      },
    }),
  });
  function Routed() {
    return h(OrderList, {
      orders: new Map(orders.map((o) => [o.id, o])),
      route: useRoute(),
      now: NOW,
    });
  }
  render(h(Routed, {}));
  return asked;
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Orders' }))
    .getAllByRole('link')
    .map((row) => row.textContent);

describe('the orders list', () => {
  const slot = NOW + 60 * 60_000;
  const orders = [
    order({ id: 'ringing', name: 'Ivan' }),
    order({ id: 'scheduled', status: 'new', slot, phone: '+79990000001' }),
    order({
      id: 'done',
      status: 'done',
      phone: '+79990000002',
      operator: { id: 'u1', name: 'Oleg' },
    }),
  ];

  it('shows open orders first, ringing at the top, linked to each order', async () => {
    location.hash = '#/orders';
    list(orders);
    await waitFor(() =>
      expect(rows()).toEqual([
        `Ringing +79991234567Ivan · Call me backOrdered ${time.format(NOW - 60_000)}`,
      ]),
    );
    expect(screen.getByRole('link', { name: /^Ringing/ }).getAttribute('href')).toBe(
      '#/orders?order=ringing',
    );
    expect(screen.getByRole('button', { name: 'Open (1)' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('lists scheduled orders with their time', async () => {
    location.hash = '#/orders';
    list(orders);
    await user().click(screen.getByRole('button', { name: 'Scheduled (1)' }));
    await waitFor(() => expect(location.hash).toBe('#/orders?filter=scheduled'));
    await waitFor(() =>
      expect(rows()).toEqual([`New +79990000001Call me backScheduled for ${time.format(slot)}`]),
    );
  });

  it('keeps done and failed orders under Closed, with those of the call history', async () => {
    location.hash = '#/orders?filter=closed';
    const asked = list(orders, [
      {
        kind: 'callback',
        id: 'old',
        caller: '+79990000003',
        callerName: 'Maria',
        dialled: 'Site',
        status: 'failed',
        at: NOW - 86_400_000,
        slot: null,
        operator: null,
      },
      {
        kind: 'call',
        id: 'call',
        caller: 'Call us',
        callerName: null,
        dialled: 'sip',
        status: 'failed',
        at: NOW,
        slot: null,
        operator: null,
      },
      // The history's copy of an order this console saw close: the console's wins.
      {
        kind: 'callback',
        id: 'done',
        caller: '+79990000002',
        callerName: null,
        dialled: 'Call me back',
        status: 'done',
        at: NOW - 60_000,
        slot: null,
        operator: null,
      },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()).toEqual([
      `Done +79990000002Call me back · OlegOrdered ${time.format(NOW - 60_000)}`,
      `Failed +79990000003Maria · SiteOrdered ${time.format(NOW - 86_400_000)}`,
    ]);
    expect(asked).toEqual([
      '/v1/admin/call-history?status=done&limit=50',
      '/v1/admin/call-history?status=failed&limit=50',
    ]);
  });
});
