// @vitest-environment jsdom
/**
 * The call widget when the call itself (live-call.tsx, a chunk of its own that the first press
 * brings) cannot come — the network went after the widget opened: the visitor hears why, the
 * microphone asked in the click is let go, and a second press while it is awaited asks nothing
 * more.
 */
import type { CallSettings, PublicCallConfig } from '@frontdesk/config';
import { defaultSettings, toPublicConfig } from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { CallWidget } from '../src/call-widget';
import { loadTexts } from '../src/live-texts';

vi.mock('../src/live-call', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

afterEach(cleanup);

const now = new Date('2026-03-04T07:00:00Z');

it('says the network failed, lets the microphone go, and asks for it once however often pressed', async () => {
  const texts = await loadTexts('en');
  const settings = { ...(defaultSettings('call') as CallSettings), locale: 'en' as const };
  const config = toPublicConfig(
    { key: 'test-call', type: 'call', name: 'Test', settings, sipLine: null },
    calendarDays('ru', dateIn('Europe/Moscow', now), 60),
    { now },
  ) as PublicCallConfig;
  const track = { stop: vi.fn() };
  const microphone = vi.fn(async () => ({ getTracks: () => [track] }) as unknown as MediaStream);
  const credentials = vi.fn();
  render(
    h(CallWidget, {
      config,
      variant: 'working',
      presence: 'online',
      lang: 'en',
      texts,
      brandHref: 'https://fd.example',
      microphone,
      credentials,
      loadSip: vi.fn(),
    }),
  );
  const call = screen.getByRole('button', { name: texts.call.call });
  fireEvent.click(call);
  fireEvent.click(call);
  expect((await screen.findByRole('alert')).textContent).toBe(texts.core.errors.network);
  expect(screen.getByRole('status').textContent).toBe(texts.core.errors.network);
  await vi.waitFor(() => expect(track.stop).toHaveBeenCalled());
  expect(microphone).toHaveBeenCalledTimes(1);
  expect(credentials).not.toHaveBeenCalled();
});
