// @vitest-environment jsdom
/**
 * The call widget between the first press and the call itself (live-call.tsx, a chunk of its
 * own) coming — here it never comes: the visitor reads and hears at once that the microphone is
 * awaited, the call counts as under way for the page (closing the dialog keeps it), and a widget
 * removed meanwhile lets the microphone go once it comes.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CallWidget } from '../src/call-widget';
import { loadTexts } from '../src/live-texts';
import { widgetProps } from './widget-props';

vi.mock('../src/live-call', () => new Promise(() => {}));

afterEach(cleanup);

const texts = await loadTexts('en');

/** The widget with a microphone that comes when `allow` is called. */
function widget() {
  const track = { stop: vi.fn() };
  let allow = () => {};
  const microphone = vi.fn(
    () =>
      new Promise<MediaStream>((resolve) => {
        allow = () => resolve({ getTracks: () => [track] } as unknown as MediaStream);
      }),
  );
  const onLive = vi.fn();
  const { unmount } = render(h(CallWidget, widgetProps(texts, { microphone, onLive })));
  fireEvent.click(screen.getByRole('button', { name: texts.call.call }));
  return { track, allow: () => allow(), onLive, unmount };
}

it('says at once that the microphone is awaited, and the call is under way for the page', () => {
  const { onLive } = widget();
  expect(screen.getByText(texts.call.microphone, { ignore: '[role=status]' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe(texts.call.microphone);
  expect(screen.queryByRole('button', { name: texts.call.call })).toBeNull();
  expect(onLive.mock.calls).toEqual([[true]]);
});

it('lets the microphone go when the widget is removed before the call has come', async () => {
  const { track, allow, onLive, unmount } = widget();
  unmount();
  expect(onLive.mock.calls).toEqual([[true], [false]]);
  allow();
  await vi.waitFor(() => expect(track.stop).toHaveBeenCalled());
});
