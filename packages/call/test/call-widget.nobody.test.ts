// @vitest-environment jsdom
/**
 * The call widget while nobody can answer (presence `busy` or `nobody`): it says so with the
 * "nobody available" texts before anything asks for the microphone, offers the page's callback
 * widget or chat instead, and places no call — read as a visitor reads it, by role and text.
 */
import { type CallEvents, CallWidget, type CallWidgetProps, loadTexts } from '@frontdesk/call';
import {
  type CallCredentials,
  type CallSettings,
  defaultSettings,
  type Presence,
  type PublicCallConfig,
  toPublicConfig,
} from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { widgetProps } from './widget-props';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const texts = await loadTexts('en');
const t = texts.call;
const now = new Date('2026-03-04T07:00:00Z');
const settings = defaultSettings('call', { timeZone: 'Europe/Moscow' }) as CallSettings;
const config = toPublicConfig(
  {
    key: 'test-call',
    type: 'call',
    name: 'Test',
    settings: {
      ...settings,
      locale: 'en',
      mainLocale: 'en',
      appearance: {
        ...settings.appearance,
        working: {
          title: { en: 'Call us now' },
          text: { en: 'We answer at once.' },
          buttonText: { en: 'Call' },
        },
        nobody: {
          title: { en: 'Nobody can answer' },
          text: { en: 'Order a callback.' },
          buttonText: { en: 'Contact' },
        },
      },
    },
    sipLine: null,
  },
  calendarDays('ru', dateIn('Europe/Moscow', now), 60),
  { now },
) as PublicCallConfig;

afterEach(cleanup);

/** The widget in working time with `presence`; its microphone and platform as spies. */
function widget(presence: Presence, extra: Partial<CallWidgetProps> = {}) {
  const microphone = vi.fn(async () => {
    throw Object.assign(new Error('denied'), { name: 'NotAllowedError' });
  });
  const credentials = vi.fn(async () => {
    throw new Error('no call expected');
  });
  render(
    h(CallWidget, {
      config,
      variant: 'working',
      presence,
      lang: 'en',
      texts,
      brandHref: 'https://fd.example',
      microphone,
      credentials,
      loadSip: async () => () => ({ hangUp() {}, setMuted() {}, sendDigit() {} }),
      ...extra,
    }),
  );
  return { microphone, credentials };
}

describe.each<Presence>(['nobody', 'busy'])('the call widget with presence %s', (presence) => {
  it('says nobody can answer, offers a callback or a message, and asks for no microphone', async () => {
    const orderCallback = vi.fn();
    const writeMessage = vi.fn();
    const { microphone, credentials } = widget(presence, { orderCallback, writeMessage });
    expect(screen.getByRole('heading', { name: 'Nobody can answer' })).toBeTruthy();
    expect(screen.getByText('Order a callback.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.call })).toBeNull();
    expect(screen.queryByText(t.explain)).toBeNull();
    expect(document.body.textContent).not.toContain('We answer at once.');
    await user().click(screen.getByRole('button', { name: t.orderCallback }));
    await user().click(screen.getByRole('button', { name: t.writeMessage }));
    expect(orderCallback).toHaveBeenCalledTimes(1);
    expect(writeMessage).toHaveBeenCalledTimes(1);
    expect(microphone).not.toHaveBeenCalled();
    expect(credentials).not.toHaveBeenCalled();
  });

  it('without a callback widget or a chat on the page, says so and offers nothing to press', async () => {
    widget(presence);
    expect(screen.getByRole('heading', { name: 'Nobody can answer' })).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('the call widget while someone can answer', () => {
  it('explains, and asks for the microphone only when the visitor calls', async () => {
    const { microphone } = widget('online', { orderCallback: vi.fn() });
    expect(screen.getByRole('heading', { name: 'Call us now' })).toBeTruthy();
    expect(screen.getByText(t.explain)).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.orderCallback })).toBeNull();
    expect(microphone).not.toHaveBeenCalled();
    await user().click(screen.getByRole('button', { name: t.call }));
    expect(microphone).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toBe(t.reasons.permission_denied);
  });
});

describe('the call widget when presence changes around a call', () => {
  it('keeps a call under way, offers the alternatives once it ended, and calls again only when pressed', async () => {
    let events: CallEvents | undefined;
    const place = vi.fn((_c: unknown, _s: unknown, e: CallEvents) => {
      events = e;
      return { hangUp() {}, setMuted() {}, sendDigit() {} };
    });
    const track = { stop: vi.fn() };
    const stream = { getTracks: () => [track] } as unknown as MediaStream;
    const props = widgetProps(texts, {
      config,
      microphone: vi.fn(async () => stream),
      credentials: async () => ({}) as CallCredentials,
      loadSip: async () => place,
      orderCallback: vi.fn(),
    });
    const { rerender } = render(h(CallWidget, props));
    await user().click(screen.getByRole('button', { name: t.call }));
    await waitFor(() => expect(place).toHaveBeenCalledTimes(1));
    // Nobody else can answer now: the call under way goes on.
    rerender(h(CallWidget, { ...props, presence: 'nobody' }));
    expect(screen.getByRole('button', { name: t.hangUp })).toBeTruthy();
    await act(() => events?.ended());
    expect(track.stop).toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'Nobody can answer' })).toBeTruthy();
    expect(screen.getByRole('button', { name: t.orderCallback })).toBeTruthy();
    // Someone can again: the call button, and no call until it is pressed.
    rerender(h(CallWidget, { ...props, presence: 'online' }));
    expect(screen.getByText(t.explain)).toBeTruthy();
    expect(screen.getByRole('button', { name: t.call })).toBeTruthy();
    expect(props.microphone).toHaveBeenCalledTimes(1);
    expect(place).toHaveBeenCalledTimes(1);
  });
});
