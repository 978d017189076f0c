// @vitest-environment jsdom
/**
 * The callback form while nobody can call back now (presence `busy` or `nobody`): the
 * "nobody available" texts, "as soon as possible" instead of "right now", and a confirmation
 * that promises no call at once — read as a visitor reads it, by role and text.
 */
import {
  type CallbackRequest,
  CallbackWidget,
  type CallbackWidgetProps,
  loadTexts,
} from '@frontdesk/callback';
import type { Presence } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callbackConfig, formProps } from './fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const texts = await loadTexts('en');
const m = texts.callback;
const config = callbackConfig((s) => ({
  ...s,
  appearance: {
    ...s.appearance,
    working: {
      title: { en: 'We call back in 30 seconds' },
      text: { en: 'Leave your number.' },
      buttonText: { en: 'Go' },
    },
    nobody: {
      title: { en: 'We will call you back soon' },
      text: { en: 'Everyone is busy.' },
      buttonText: { en: 'Go' },
    },
  },
}));

afterEach(cleanup);

/** The form in working time, with `presence`; what it posted. */
function form(presence: Presence, extra: Partial<CallbackWidgetProps> = {}) {
  const submit = vi.fn(async (request: CallbackRequest) => ({
    id: 'o1',
    status: 'new',
    slot: request.slot ?? null,
  }));
  render(h(CallbackWidget, formProps(config, { presence, texts, submit, ...extra })));
  return submit;
}

/** Everything the visitor can read in the widget. */
const visible = () => document.body.textContent ?? '';

describe.each<Presence>(['nobody', 'busy'])('the callback form with presence %s', (presence) => {
  it('shows the "nobody available" texts and offers "as soon as possible", never "right now"', async () => {
    form(presence);
    expect(screen.getByRole('heading', { name: 'We will call you back soon' })).toBeTruthy();
    expect(screen.getByText('Everyone is busy.')).toBeTruthy();
    const when = screen.getByRole('combobox', { name: m.when }) as HTMLSelectElement;
    expect(when.value).toBe('now');
    expect(screen.getByRole('option', { name: m.soon, selected: true })).toBeTruthy();
    expect(screen.queryByRole('option', { name: m.now })).toBeNull();
    expect(screen.getByRole('button', { name: m.send })).toBeTruthy();
    for (const promise of ['30 seconds', m.now, m.sendNow])
      expect(visible()).not.toContain(promise);
  });

  it('confirms an order "as soon as possible" without promising a call now', async () => {
    const submit = form(presence, { visitorToken: () => 'visitor-token-0123456789abcdef0123' });
    fireEvent.input(screen.getByLabelText(m.phone), { target: { value: '+7 916 123-45-67' } });
    await user().click(screen.getByRole('button', { name: m.send }));
    await waitFor(() => expect(screen.getByText(m.doneSoon)).toBeTruthy());
    expect(visible()).not.toContain(m.doneNow);
    // Still an order for now: the platform queues it for whoever comes first.
    expect(submit.mock.calls[0]?.[0]).toMatchObject({
      phone: '+79161234567',
      now: true,
      visitorToken: 'visitor-token-0123456789abcdef0123',
    });
  });
});

describe('the callback form while someone can call back', () => {
  it('keeps the working texts and its promise of a call right now', async () => {
    const submit = form('online');
    expect(screen.getByRole('heading', { name: 'We call back in 30 seconds' })).toBeTruthy();
    expect(screen.getByRole('option', { name: m.now, selected: true })).toBeTruthy();
    fireEvent.input(screen.getByLabelText(m.phone), { target: { value: '+7 916 123-45-67' } });
    await user().click(screen.getByRole('button', { name: m.sendNow }));
    await waitFor(() => expect(screen.getByText(m.doneNow)).toBeTruthy());
    // The preview, or a host without storage: no token sent.
    expect(submit.mock.calls[0]?.[0]).not.toHaveProperty('visitorToken');
  });

  it('shows the non-working texts out of hours, whoever is online', async () => {
    form('nobody', { variant: 'non-working' });
    expect(
      screen.getByRole('heading', { name: config.appearance.nonWorking.title.en }),
    ).toBeTruthy();
    expect(screen.queryByText('Everyone is busy.')).toBeNull();
  });
});
