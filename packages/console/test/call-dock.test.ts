// @vitest-environment jsdom
/** The calls pop-up: a ringing call announced, Answer / Decline, and focus following the call. */
import './after-paint';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallDock } from '../src/call-dock';
import type { Softphone } from '../src/softphone';
import type { PhoneCall } from '../src/softphone-calls';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(cleanup);

const ringing: PhoneCall = {
  id: 'call-1',
  state: 'ringing',
  caller: {
    widget: { name: 'Call from the site' },
    page: { url: 'https://shop.example/bikes', title: 'Bikes' },
    visitor: { timeZone: 'Asia/Tokyo' },
  },
  order: null,
  digits: '',
  muted: false,
  ringingAt: 0,
};

/** The platform calls for an automatic callback order. */
const callback: PhoneCall = {
  ...ringing,
  id: 'call-2',
  caller: null,
  order: {
    id: 'o1',
    phone: '+79161110002',
    name: 'Ivan',
    widget: { id: 'w1', name: 'Call me back' },
  },
};

/** The pop-up over `calls` beside a reply box, with a spied phone. */
function dock(calls: PhoneCall[]) {
  const phone = {
    answer: vi.fn(),
    decline: vi.fn(),
    hangUp: vi.fn(),
    setMuted: vi.fn(),
    dismiss: vi.fn(),
    stop: vi.fn(),
  } satisfies Softphone;
  const fallback = vi.fn();
  const page = (list: PhoneCall[]) =>
    h('div', {}, [
      h('textarea', { 'aria-label': 'Reply' }),
      h(CallDock, { calls: list, phone, fallback }),
    ]);
  const { rerender } = render(page(calls));
  return { phone, fallback, redraw: (list: PhoneCall[]) => rerender(page(list)) };
}

describe('the calls pop-up', () => {
  it('shows a ringing call with its caller, and announces it with the shortcut', async () => {
    const { phone } = dock([ringing]);
    const calls = screen.getByRole('complementary', { name: 'Calls' });
    expect(calls.textContent).toContain('Incoming call — Call from the site');
    expect(calls.textContent).toContain('Bikes — https://shop.example/bikes');
    expect(screen.getByRole('alert').textContent).toBe(
      'Incoming call on Call from the site from Bikes. Alt+Shift+A answers, Alt+Shift+C goes to it.',
    );
    const answer = screen.getByRole('button', { name: 'Answer' });
    expect(answer.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+A');
    await user().click(answer);
    expect(phone.answer).toHaveBeenCalledWith('call-1');
    await user().click(screen.getByRole('button', { name: 'Decline' }));
    expect(phone.decline).toHaveBeenCalledWith('call-1');
  });

  it('shows an automatic callback with the order’s name and number, and announces it', async () => {
    const { phone, redraw } = dock([callback]);
    const calls = screen.getByRole('complementary', { name: 'Calls' });
    expect(calls.textContent).toContain('Automatic callback — Call me back');
    expect(calls.textContent).toContain('VisitorIvan, +79161110002');
    expect(calls.textContent).toContain('Answer, and the platform calls the visitor.');
    // The order itself is a link away: its page, its history, the note after the call.
    expect(screen.getByRole('link', { name: 'Ivan, +79161110002' }).getAttribute('href')).toBe(
      '#/orders?order=o1',
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Automatic callback to Ivan, +79161110002 on Call me back. Alt+Shift+A answers, Alt+Shift+C goes to it.',
    );
    await user().click(screen.getByRole('button', { name: 'Answer' }));
    expect(phone.answer).toHaveBeenCalledWith('call-2');
    redraw([{ ...callback, state: 'answered', answeredAt: 0 }]);
    expect(calls.textContent).not.toContain('the platform calls the visitor');
    expect(calls.textContent).toContain('Ivan, +79161110002');
  });

  it('moves focus with a call worked here: Answer → Hang up → Dismiss → back where it was', async () => {
    const { phone, redraw } = dock([]);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    reply.focus();
    redraw([ringing]);
    // Tabbing into the pop-up from the reply box.
    const answer = screen.getByRole('button', { name: 'Answer' });
    fireEvent.focusIn(answer, { relatedTarget: reply });
    answer.focus();
    redraw([{ ...ringing, state: 'connecting' }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hang up' }));
    redraw([{ ...ringing, state: 'answered', answeredAt: 0 }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Hang up' }));
    redraw([{ ...ringing, state: 'ended', ended: 'visitor' }]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByText('The visitor ended the call.')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(phone.dismiss).toHaveBeenCalledWith('call-1');
    redraw([]);
    expect(document.activeElement).toBe(reply);
  });

  it('leaves focus in the reply box when a call is answered by the shortcut', () => {
    const { redraw } = dock([ringing]);
    const reply = screen.getByRole('textbox', { name: 'Reply' });
    reply.focus();
    redraw([{ ...ringing, state: 'answered', answeredAt: 0 }]);
    expect(document.activeElement).toBe(reply);
  });
});
