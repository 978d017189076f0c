// @vitest-environment jsdom
/**
 * The call widget when the call itself (live-call.tsx, a chunk of its own that the first press
 * brings) cannot come — the network went after the widget opened: the visitor hears why, the
 * microphone asked in the click is let go, a second press while it is awaited asks nothing more,
 * and the page's callback widget is offered.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CallWidget } from '../src/call-widget';
import { loadTexts } from '../src/live-texts';
import { widgetProps } from './widget-props';

vi.mock('../src/live-call', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

it('says the network failed, lets the microphone go, asks for it once however often pressed, offers a callback', async () => {
  const texts = await loadTexts('en');
  const track = { stop: vi.fn() };
  const microphone = vi.fn(async () => ({ getTracks: () => [track] }) as unknown as MediaStream);
  const onLive = vi.fn();
  const orderCallback = vi.fn();
  render(h(CallWidget, widgetProps(texts, { microphone, onLive, orderCallback })));
  const call = screen.getByRole('button', { name: texts.call.call });
  fireEvent.click(call);
  fireEvent.click(call);
  expect((await screen.findByRole('alert')).textContent).toBe(texts.core.errors.network);
  expect(screen.getByRole('status').textContent).toBe(texts.core.errors.network);
  await vi.waitFor(() => expect(track.stop).toHaveBeenCalled());
  expect(microphone).toHaveBeenCalledTimes(1);
  // No call is under way any more; the page's callback widget is offered instead.
  expect(onLive.mock.calls).toEqual([[true], [false]]);
  fireEvent.click(screen.getByRole('button', { name: texts.call.orderCallback }));
  expect(orderCallback).toHaveBeenCalledTimes(1);
});
