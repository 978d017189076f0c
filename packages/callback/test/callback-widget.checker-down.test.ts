// @vitest-environment jsdom
/**
 * The callback form when the number's checker (its own chunk, loaded as the visitor types)
 * cannot come — the network went between opening the form and typing, and a browser keeps a
 * failed import's error: the order goes with the number as typed (the platform reads it), and
 * a second press while the checker is awaited sends nothing more.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { loadTexts } from '../src/callback-messages';
import { CallbackWidget } from '../src/callback-widget';
import type { SubmitCallback } from '../src/submit-callback';
import { callbackConfig, formProps } from './fixtures';

vi.mock('../src/check-phone', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

it('sends the number as typed when the checker cannot load, once however often pressed', async () => {
  const texts = await loadTexts('en');
  const submit = vi.fn<SubmitCallback>(async () => ({ id: 'c1', status: 'new', slot: null }));
  render(h(CallbackWidget, formProps(callbackConfig(), { variant: 'working', texts, submit })));
  const user = userEvent.setup();
  const phone = screen.getByRole('textbox', { name: texts.callback.phone }) as HTMLInputElement;
  await user.type(phone, ' 912 345 67 89 ');
  // Two presses in one moment: the second comes while the first waits for the checker.
  const send = screen.getByRole('button');
  fireEvent.click(send);
  fireEvent.click(send);
  await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
  expect(submit.mock.calls[0]?.[0]).toMatchObject({ phone: '912 345 67 89', now: true });
  expect(await screen.findByRole('heading', { level: 3 })).toBeTruthy();
  expect(submit).toHaveBeenCalledTimes(1);
});

it('still asks for a number when none was typed', async () => {
  const texts = await loadTexts('en');
  const submit = vi.fn();
  render(h(CallbackWidget, formProps(callbackConfig(), { variant: 'working', texts, submit })));
  const phone = screen.getByRole('textbox', { name: texts.callback.phone });
  await userEvent.setup().click(screen.getByRole('button'));
  await waitFor(() => expect(document.activeElement).toBe(phone));
  expect(submit).not.toHaveBeenCalled();
});
