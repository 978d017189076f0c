// @vitest-environment jsdom
import { type CallEvents, CallWidget, type CallWidgetProps, loadTexts } from '@frontdesk/call';
import {
  type CallCredentials,
  type CallSettings,
  defaultSettings,
  type PublicCallConfig,
  toPublicConfig,
} from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';

const texts = await loadTexts('en');
const now = new Date('2026-03-04T07:00:00Z');

function callConfig(dialPad = true): PublicCallConfig {
  const settings = {
    ...(defaultSettings('call', { timeZone: 'Europe/Moscow' }) as CallSettings),
    locale: 'en' as const,
    dialPad,
  };
  const calendar = calendarDays('ru', dateIn('Europe/Moscow', now), 60);
  return toPublicConfig(
    { key: 'test-call', type: 'call', name: 'Test', settings, sipLine: null },
    calendar,
    { now },
  ) as PublicCallConfig;
}

const credentials: CallCredentials = {
  username: 'u',
  password: 'p',
  expiresAt: 0,
  wsUrl: 'ws://x',
  uri: 'sip:v@x',
  target: 'sip:line12345@x',
  displayName: 'Test',
  iceServers: [],
};
const fakeStream = () => {
  const track = { enabled: true, stop: vi.fn() };
  return { getAudioTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
};

let container: HTMLElement;
afterEach(() => {
  act(() => render(null, container));
  container.remove();
});

function mount(props: Partial<CallWidgetProps>) {
  container = document.createElement('div');
  document.body.append(container);
  const full: CallWidgetProps = {
    config: callConfig(),
    variant: 'working',
    presence: 'online',
    lang: 'en',
    texts,
    brandHref: 'https://fd.example',
    microphone: async () => fakeStream(),
    credentials: async () => credentials,
    loadSip: async () => () => ({ hangUp() {}, setMuted() {}, sendDigit() {} }),
    ...props,
  };
  render(h(CallWidget, full), container);
}

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === name);
const status = () => container.querySelector('[data-call-status]')?.textContent;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('CallWidget', () => {
  it('explains first, then a denied microphone shows the reason and places no call', async () => {
    const credentialsFn = vi.fn(async () => credentials);
    const place = vi.fn();
    mount({
      microphone: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      credentials: credentialsFn,
      loadSip: async () => place,
    });
    expect(container.textContent).toContain(texts.call.explain);
    await act(() => button('Call')?.click());
    await settle();
    expect(status()).toBe(texts.call.reasons.permission_denied);
    expect(container.querySelector('[role=alert]')).not.toBeNull();
    expect(credentialsFn).not.toHaveBeenCalled();
    expect(place).not.toHaveBeenCalled();
    expect(button('Call again')).toBeDefined();
  });

  it('no microphone at all', async () => {
    mount({ microphone: () => Promise.reject(new DOMException('no', 'NotFoundError')) });
    await act(() => button('Call')?.click());
    await settle();
    expect(status()).toBe(texts.call.reasons.no_microphone);
  });

  it.each([
    [503, 'calls_unavailable', texts.call.reasons.unavailable],
    [422, 'closed_now', texts.call.reasons.closed],
    [0, 'network', texts.call.reasons.network],
  ])('a refused credential (%i %s) is explained', async (code, name, text) => {
    const place = vi.fn();
    mount({
      credentials: () => Promise.reject(new PlatformError(code, name, 'no')),
      loadSip: async () => place,
    });
    await act(() => button('Call')?.click());
    await settle();
    expect(status()).toBe(text);
    expect(place).not.toHaveBeenCalled();
  });

  it('connecting → ringing → in call with a timer, mute, the dial pad and keyboard digits, hang up', async () => {
    let events: CallEvents | undefined;
    const call = { hangUp: vi.fn(), setMuted: vi.fn(), sendDigit: vi.fn() };
    let clock = 1_000;
    mount({
      now: () => clock,
      loadSip: async () => (_c, _s, e) => {
        events = e;
        return call;
      },
    });
    await act(() => button('Call')?.click());
    await settle();
    expect(status()).toBe(texts.call.connecting);
    await act(() => events?.ringing());
    expect(status()).toBe(texts.call.ringing);
    await act(() => events?.answered({} as MediaStream));
    clock += 65_000;
    await act(() => events?.ringing()); // ignored in call; re-renders
    expect(container.querySelector('.call')?.getAttribute('data-phase')).toBe('in-call');
    await act(() => button('Mute')?.click());
    expect(call.setMuted).toHaveBeenCalledWith(true);
    expect(button('Mute')?.getAttribute('aria-pressed')).toBe('true');
    await act(() => button('7')?.click());
    await act(() => {
      button('Hang up')?.dispatchEvent(new KeyboardEvent('keydown', { key: '#', bubbles: true }));
    });
    expect(call.sendDigit.mock.calls).toEqual([['7'], ['#']]);
    expect(container.querySelector('.digits')?.textContent).toBe('7#');
    await act(() => button('Hang up')?.click());
    expect(call.hangUp).toHaveBeenCalledOnce();
    expect(status()).toBe(texts.call.ended);
  });

  it('plays the far end’s early media (a phone network’s ringback) while it rings', async () => {
    let events: CallEvents | undefined;
    mount({
      loadSip: async () => (_c, _s, e) => {
        events = e;
        return { hangUp() {}, setMuted() {}, sendDigit() {} };
      },
    });
    await act(() => button('Call')?.click());
    await settle();
    const early = { id: 'early' } as unknown as MediaStream;
    await act(() => events?.earlyMedia(early));
    await act(() => events?.ringing());
    expect(status()).toBe(texts.call.ringing);
    expect(container.querySelector<HTMLAudioElement>('audio[data-remote]')?.srcObject).toBe(early);
  });

  it('"no one can answer" when the line gets 480, and a lost connection ends with its message', async () => {
    let events: CallEvents | undefined;
    mount({
      loadSip: async () => (_c, _s, e) => {
        events = e;
        return { hangUp() {}, setMuted() {}, sendDigit() {} };
      },
    });
    await act(() => button('Call')?.click());
    await settle();
    await act(() => events?.failed('no_answer'));
    expect(status()).toBe(texts.call.reasons.no_answer);
    await act(() => button('Call again')?.click());
    await settle();
    await act(() => events?.answered({} as MediaStream));
    await act(() => events?.connectionLost());
    expect(status()).toBe(texts.call.reconnecting);
    await act(() => events?.failed('connection_lost'));
    expect(status()).toBe(texts.call.reasons.connection_lost);
  });

  it('the line to the telephone network down: says so, and offers a callback', async () => {
    let events: CallEvents | undefined;
    const order = vi.fn();
    mount({
      orderCallback: order,
      loadSip: async () => (_c, _s, e) => {
        events = e;
        return { hangUp() {}, setMuted() {}, sendDigit() {} };
      },
    });
    await act(() => button('Call')?.click());
    await settle();
    await act(() => events?.failed('line_unavailable'));
    expect(status()).toBe(texts.call.reasons.line_unavailable);
    await act(() => button('Order a callback')?.click());
    expect(order).toHaveBeenCalledOnce();
  });

  it('non-working time: the non-working texts and "order a callback" when the page has one', async () => {
    const order = vi.fn();
    const config = callConfig();
    mount({ variant: 'non-working', orderCallback: order, config });
    expect(container.textContent).toContain(config.appearance.nonWorking.title.en);
    // One language all through: nothing of the Russian texts the settings also have.
    expect(container.textContent).not.toMatch(/[А-Яа-яЁё]/);
    expect(button('Call')).toBeUndefined();
    await act(() => button('Order a callback')?.click());
    expect(order).toHaveBeenCalledOnce();
  });
});
