// @vitest-environment jsdom
/** One order worked from the keyboard: its action has focus, Accept → note, Done → the next. */
import './after-paint';
import type { CallbackOrder } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operatorSession } from '../../staff/test/platform-stub';
import { OrderView } from '../src/order-view';
import { fakeFetch } from './fake-fetch';
import { NOW, order } from './order-fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const oleg = operatorSession.user;

/** The view of `live` (fetching its story from a fake platform), with spied actions. */
function view(
  live: CallbackOrder,
  detail: Partial<Record<'events' | 'notifications', unknown[]>> = {},
) {
  fakeFetch({
    [`GET /v1/admin/orders/${live.id}`]: () => ({
      body: { order: live, events: [], notifications: [], task: null, ...detail },
    }),
  });
  const then = vi.fn();
  const orders = {
    accept: vi.fn(async () => ({
      ...live,
      status: 'accepted' as const,
      operator: { id: 'u1', name: 'Oleg' },
    })),
    close: vi.fn(async () => ({ ...live, status: 'done' as const })),
  };
  const afterClose = vi.fn(() => then);
  const props = { id: live.id, user: oleg, orders, afterClose, now: NOW };
  const { rerender } = render(h(OrderView, { ...props, order: live }));
  const redraw = (next: CallbackOrder) => rerender(h(OrderView, { ...props, order: next }));
  return { orders, afterClose, then, redraw };
}

describe('an order', () => {
  it('opens with focus on Accept, and Accept moves it to the note', async () => {
    const ringing = order({ name: 'Ivan' });
    const { orders, redraw } = view(ringing);
    const accept = screen.getByRole('button', { name: 'Accept' });
    expect(document.activeElement).toBe(accept);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Ringing +79991234567');
    await user().click(accept);
    await waitFor(() => expect(orders.accept).toHaveBeenCalledWith('o1'));
    redraw({ ...ringing, status: 'accepted', operator: { id: 'u1', name: 'Oleg Operator' } });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Note')));
  });

  it('shows a scheduled order’s time and lets it be taken early', async () => {
    const slot = NOW + 90 * 60_000;
    const { orders } = view(order({ status: 'new', slot }));
    const when = screen.getByText(/^Scheduled for /);
    expect(when.textContent).toBe(
      `Scheduled for ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(slot)}`,
    );
    await user().click(screen.getByRole('button', { name: 'Take early' }));
    await waitFor(() => expect(orders.accept).toHaveBeenCalledWith('o1'));
  });

  it('closes with the note and hands focus on once closed', async () => {
    const mine = order({ status: 'accepted', operator: { id: 'u1', name: 'Oleg Operator' } });
    const { orders, afterClose, then } = view(mine);
    const note = screen.getByLabelText('Note');
    expect(document.activeElement).toBe(note);
    fireEvent.input(note, { target: { value: 'Called back' } });
    // A synchronous click (user-event's awaits would let the close finish before the check below).
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    // Where focus goes is read before the order changes, and taken once it did.
    expect(afterClose).toHaveBeenCalledWith('o1');
    expect(then).not.toHaveBeenCalled();
    await waitFor(() => expect(then).toHaveBeenCalledTimes(1));
    expect(orders.close).toHaveBeenCalledWith('o1', 'done', 'Called back');
  });

  it('says why an action failed and keeps focus on it', async () => {
    const { orders } = view(order());
    orders.accept.mockRejectedValueOnce(new Error('Olga already took this order.'));
    const accept = screen.getByRole('button', { name: 'Accept' });
    await user().click(accept);
    expect((await screen.findByRole('alert')).textContent).toBe('Olga already took this order.');
    expect(document.activeElement).toBe(accept);
  });

  it('shows who took it, and beside it the page, local time, notifications and history', async () => {
    view(
      order({
        status: 'accepted',
        mode: 'manual',
        operator: { id: 'u2', name: 'Olga' },
        page: { url: 'https://shop.example/bikes', title: 'Bikes', referrer: null, utm: {} },
        visitorTimeZone: 'Asia/Yekaterinburg',
      }),
      {
        notifications: [
          {
            id: 'n1',
            channel: 'email',
            recipient: 'boss@shop.example',
            status: 'sent',
            attempts: 2,
            lastError: null,
          },
        ],
        events: [{ status: 'new', at: NOW - 60_000, note: null }],
      },
    );
    expect(screen.getByText('Taken by Olga.')).toBeTruthy();
    const context = screen.getByRole('complementary', { name: 'About the order' });
    expect(within(context).getByRole('link', { name: 'Bikes' }).getAttribute('href')).toBe(
      'https://shop.example/bikes',
    );
    expect(within(context).getByText(/\(Asia\/Yekaterinburg\)$/)).toBeTruthy();
    expect(
      await within(context).findByText('E-mail to boss@shop.example: sent after 2 attempts'),
    ).toBeTruthy();
    expect(within(context).getByText(/^New, /)).toBeTruthy();
  });
});
