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
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
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

let container: Element;
afterEach(cleanup);

function mount(props: Partial<CallWidgetProps>) {
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
  ({ container } = render(h(CallWidget, full)));
}

const user = () => userEvent.setup();
const button = (name: string) => screen.queryByRole('button', { name });
const click = (name: string) => user().click(screen.getByRole('button', { name }));
/** The call's state as a screen reader hears it (the live region repeats the visible line). */
const status = () => screen.getByRole('status').textContent;
const dialPad = () => screen.getByRole('group', { name: texts.call.dialPad });
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
    expect(screen.getByText(texts.call.explain)).toBeTruthy();
    await click('Call');
    await settle();
    expect(status()).toBe(texts.call.reasons.permission_denied);
    expect(screen.getByRole('alert').textContent).toBe(texts.call.reasons.permission_denied);
    expect(credentialsFn).not.toHaveBeenCalled();
    expect(place).not.toHaveBeenCalled();
    expect(button('Call again')).not.toBeNull();
  });

  it('no microphone at all', async () => {
    mount({ microphone: () => Promise.reject(new DOMException('no', 'NotFoundError')) });
    await click('Call');
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
    await click('Call');
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
    await click('Call');
    await settle();
    expect(status()).toBe(texts.call.connecting);
    await act(() => events?.ringing());
    expect(status()).toBe(texts.call.ringing);
    await act(() => events?.answered({} as MediaStream));
    clock += 65_000;
    await act(() => events?.ringing()); // ignored in call; re-renders
    // In call: the live region says so, and the dial pad is there.
    expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain(
      texts.call.inCall,
    );
    await click('Mute');
    expect(call.setMuted).toHaveBeenCalledWith(true);
    expect(button('Mute')?.getAttribute('aria-pressed')).toBe('true');
    await user().click(within(dialPad()).getByRole('button', { name: '7' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Hang up' }), { key: '#' });
    expect(call.sendDigit.mock.calls).toEqual([['7'], ['#']]);
    expect(within(dialPad()).getByRole('status').textContent).toBe('7#');
    await click('Hang up');
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
    await click('Call');
    await settle();
    const early = { id: 'early' } as unknown as MediaStream;
    await act(() => events?.earlyMedia(early));
    await act(() => events?.ringing());
    expect(status()).toBe(texts.call.ringing);
    // An <audio> without controls has no role: it is found by its tag.
    expect(container.getElementsByTagName('audio')[0]?.srcObject).toBe(early);
  });

  it('"no one can answer" when the line gets 480, and a lost connection ends with its message', async () => {
    let events: CallEvents | undefined;
    mount({
      loadSip: async () => (_c, _s, e) => {
        events = e;
        return { hangUp() {}, setMuted() {}, sendDigit() {} };
      },
    });
    await click('Call');
    await settle();
    await act(() => events?.failed('no_answer'));
    expect(status()).toBe(texts.call.reasons.no_answer);
    await click('Call again');
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
    await click('Call');
    await settle();
    await act(() => events?.failed('line_unavailable'));
    expect(status()).toBe(texts.call.reasons.line_unavailable);
    await click('Order a callback');
    expect(order).toHaveBeenCalledOnce();
  });

  it('non-working time: the non-working texts and "order a callback" when the page has one', async () => {
    const order = vi.fn();
    const config = callConfig();
    mount({ variant: 'non-working', orderCallback: order, config });
    expect(
      screen.getByRole('heading', { name: config.appearance.nonWorking.title.en }),
    ).toBeTruthy();
    // One language all through: nothing of the Russian texts the settings also have.
    expect(container.textContent).not.toMatch(/[А-Яа-яЁё]/);
    expect(button('Call')).toBeNull();
    await click('Order a callback');
    expect(order).toHaveBeenCalledOnce();
  });
});
