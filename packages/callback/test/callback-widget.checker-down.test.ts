// @vitest-environment jsdom
/**
 * The callback form when the number's checker (its own chunk, loaded as the visitor types)
 * cannot come — the network went between opening the form and typing: nothing is sent, the
 * visitor is told there is no connection, and what they typed stays.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { loadTexts } from '../src/callback-messages';
import { CallbackWidget } from '../src/callback-widget';
import { callbackConfig, formProps } from './fixtures';

vi.mock('../src/check-phone', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

it('sends nothing and says there is no connection when the checker cannot load', async () => {
  const texts = await loadTexts('en');
  const submit = vi.fn();
  render(h(CallbackWidget, formProps(callbackConfig(), { variant: 'working', texts, submit })));
  const user = userEvent.setup();
  const phone = screen.getByRole('textbox', { name: texts.callback.phone }) as HTMLInputElement;
  await user.type(phone, '912 345 67 89');
  await user.click(screen.getByRole('button'));
  const unreachable = texts.core.errors.network;
  await waitFor(() => expect(screen.getAllByText(unreachable).length).toBeGreaterThan(0));
  expect(submit).not.toHaveBeenCalled();
  expect(phone.value).toBe('912 345 67 89');
});
