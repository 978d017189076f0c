// @vitest-environment jsdom
import {
  type ChatSession,
  ChatWidget,
  type ChatWidgetProps,
  createChatSession,
  loadTexts,
  TITLE_ID,
} from '@frontdesk/chat';
import type { ChatSettings } from '@frontdesk/config';
import { createConsentStorage } from '@frontdesk/core';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatConfig } from './fixtures';
import { MemoryChat } from './memory-chat';

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const user = () => userEvent.setup();

let server: MemoryChat;
let session: ChatSession;

async function mount(
  extra: Partial<ChatWidgetProps> = {},
  change?: (s: ChatSettings) => ChatSettings,
  /** Whether the session has started (a visitor who wrote before); else it waits for them. */
  started = true,
) {
  session = createChatSession({
    key: 'test-chat',
    storage: createConsentStorage(false),
    connect: server.connect,
  });
  if (started) session.start();
  const texts = await loadTexts('en');
  const { container } = render(
    h(ChatWidget, {
      config: chatConfig(change),
      variant: 'working',
      presence: 'online',
      session,
      texts,
      lang: 'en',
      locale: 'en-GB',
      brandHref: 'https://fd.example',
      ...extra,
    }),
  );
  await settle();
  return {
    container,
    // The lead generator's look opens on the callback tab: no composer there.
    input: screen.queryByLabelText('Your message') as HTMLTextAreaElement,
    send: screen.queryByRole('button', { name: 'Send' }) as HTMLButtonElement,
  };
}

/** Unmounts the window and ends its session, for a test that mounts a second one. */
function unmount() {
  cleanup();
  session.close();
}

function type(input: HTMLTextAreaElement, value: string) {
  fireEvent.input(input, { target: { value } });
}

/** Presses a key on `target`; true when the widget let the browser's default happen. */
function key(target: HTMLElement, init: KeyboardEventInit): boolean {
  return fireEvent.keyDown(target, init);
}

const log = () => screen.getByRole('log', { name: 'Conversation' });
/** The operator's photo: the one image the window shows (decorative: its name is beside it). */
const photo = () => screen.queryAllByRole('img')[0] as HTMLImageElement | undefined;

beforeEach(() => {
  server = new MemoryChat();
  localStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

afterEach(() => {
  cleanup();
  session.close();
  document.body.replaceChildren();
});

describe('the chat window', () => {
  it('has a named log, a labelled composer and the working title', async () => {
    const { input } = await mount();
    // One language all through: the marketer's title is in the widget's language too.
    expect(screen.getByRole('heading', { name: 'Online chat' }).id).toBe(TITLE_ID);
    expect(log().getAttribute('aria-live')).toBe('polite');
    expect(log().getAttribute('aria-label')).toBe('Conversation');
    expect(screen.getByLabelText('Your message')).toBe(input);
  });

  it('sends on Enter, breaks the line on Shift+Enter, and never sends an empty message', async () => {
    const { input, send } = await mount();
    expect(send.disabled).toBe(true);
    key(input, { key: 'Enter' });
    type(input, 'first line');
    await settle();
    expect(send.disabled).toBe(false);
    const shiftedDefault = key(input, { key: 'Enter', shiftKey: true });
    expect(shiftedDefault).toBe(true);
    expect(server.messages()).toHaveLength(0);
    const composingDefault = key(input, { key: 'Enter', isComposing: true });
    expect(composingDefault).toBe(true);
    const enterDefault = key(input, { key: 'Enter' });
    expect(enterDefault).toBe(false);
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['first line']);
    expect(input.value).toBe('');
    // As a screen reader reads the log: who wrote, then the words.
    expect(within(log()).getByText('first line').previousSibling?.textContent).toBe('You: ');
  });

  it('keeps Send disabled until the consent box is ticked, where the config asks', async () => {
    const { input, send } = await mount({}, (s) => ({
      ...s,
      consent: { required: true },
    }));
    type(input, 'hello');
    await settle();
    expect(send.disabled).toBe(true);
    key(input, { key: 'Enter' });
    await settle();
    expect(server.messages()).toHaveLength(0);
    const box = screen.getByRole('checkbox', {
      name: 'I agree to the processing of my personal data',
    });
    await user().click(box);
    await settle();
    expect(send.disabled).toBe(false);
    await user().click(send);
    await settle();
    expect(server.messages()).toHaveLength(1);
  });

  it('shows sent and read on the visitor’s own messages, and the operator typing', async () => {
    const { input } = await mount();
    type(input, 'hi');
    key(input, { key: 'Enter' });
    await settle();
    const meta = () => within(log()).getByText('hi').nextSibling?.textContent;
    expect(meta()).toMatch(/· Sent$/);
    server.push('read', { upToSeq: 1 });
    server.push('typing', { typing: true });
    await settle();
    expect(meta()).toMatch(/· Read$/);
    expect(screen.getByText('The operator is typing…').textContent).toBe('The operator is typing…');
  });

  it('marks what it shows as read, and names the operator and photo only as allowed', async () => {
    server.operatorSays('Hello!', { name: 'Anna', photoUrl: 'https://cdn.example/anna.jpg' });
    await mount();
    await settle();
    expect(server.received).toContainEqual(['read', { upToSeq: 1 }]);
    expect(session.state.unread).toBe(0);
    expect(within(screen.getByRole('banner')).getByText('Anna').textContent).toBe('Anna');
    expect(photo()?.src).toBe('https://cdn.example/anna.jpg');
    expect(within(log()).getByText('Hello!').previousSibling?.textContent).toBe('Anna: ');
    unmount();
    await mount({}, (s) => ({
      ...s,
      channels: {
        ...s.channels,
        site: { ...s.channels.site, showOperatorName: false, showOperatorPhoto: false },
      },
    }));
    expect(photo()).toBeUndefined();
    expect(within(screen.getByRole('banner')).queryByText('Anna')).toBeNull();
  });

  it('shows the non-working title and text, and still lets the visitor write', async () => {
    server.working = false;
    const { input } = await mount({ variant: 'non-working' });
    const title = screen.getByRole('heading', { name: 'We are offline now' });
    expect(title.id).toBe(TITLE_ID);
    expect(screen.getByRole('banner').dataset.variant).toBe('non-working');
    type(input, 'after hours');
    key(input, { key: 'Enter' });
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['after hours']);
  });

  it('offers the four marks after a closed chat and thanks for one', async () => {
    const { input } = await mount();
    type(input, 'bye');
    key(input, { key: 'Enter' });
    await settle();
    server.close(true);
    await settle();
    const rating = () => screen.queryByRole('group', { name: 'How was the chat?' });
    const marks = within(rating() as HTMLElement).getAllByRole('button');
    expect(marks.map((b) => b.textContent)).toEqual(['Excellent', 'Good', 'Satisfactory', 'Poor']);
    await user().click(marks[1] as HTMLElement);
    await settle();
    expect(server.current()?.state.rating).toBe('good');
    expect(rating()).toBeNull();
    expect(screen.getByText('Thank you for your rating!')).toBeTruthy();
    expect(document.activeElement?.id).toBe('fd-chat-input');
  });

  it('connects as the visitor reaches for a messenger button, before the press asks for its link', async () => {
    await mount(
      {},
      (s) => ({
        ...s,
        channels: { ...s.channels, vk: { enabled: true, receiver: null, groupId: 'shop' } },
      }),
      false,
    );
    await settle();
    expect(server.opened).toEqual([]);
    await user().hover(screen.getByRole('button', { name: 'Continue in VK' }));
    await settle();
    expect(server.opened).toHaveLength(1);
  });

  it('has one button per connected messenger, opening its link', async () => {
    const open = vi.fn();
    await mount({ openUrl: open }, (s) => ({
      ...s,
      channels: {
        ...s.channels,
        telegram: {
          enabled: true,
          receiver: null,
          botToken: '123456:AAHabcdefghijklmnopqrstuvwxyz',
          botName: 'frontdesk_bot',
        },
        vk: { enabled: true, receiver: null, groupId: 'shop' },
        facebook: { enabled: false, receiver: null, pageId: 'shop' },
      },
    }));
    const buttons = screen.getAllByRole('button', { name: /^Continue in / });
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Continue in Telegram',
      'Continue in VK',
    ]);
    await user().click(buttons[0] as HTMLElement);
    await settle();
    expect(open).toHaveBeenCalledWith(
      'https://t.me/frontdesk_bot?start=ctx123',
      '_blank',
      'noopener,noreferrer',
    );
    // The memory platform answers VK with a javascript: link: nothing opens, the visitor is told.
    await user().click(buttons[1] as HTMLElement);
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong. Please try again.');
  });

  it('renders an operator name and messages as text only', async () => {
    server.operatorSays('<img src=x onerror="window.__xss=1">', { name: '<b>Eve</b>' });
    await mount();
    await settle();
    // Shown as the characters they are: no image, bold name or script made of them.
    expect(within(log()).getByText('<img src=x onerror="window.__xss=1">')).toBeTruthy();
    expect(screen.queryAllByRole('img')).toHaveLength(0);
    expect(within(screen.getByRole('banner')).getByText('<b>Eve</b>').textContent).toBe(
      '<b>Eve</b>',
    );
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('has a callback tab only when given one, and loads it when opened', async () => {
    await mount();
    expect(screen.queryByRole('tablist')).toBeNull();
    unmount();
    const loadCallback = vi.fn(async () => () => h('p', { class: 'callback-form' }, 'form'));
    await mount({ loadCallback });
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Chat', 'true'],
      ['Call me back', 'false'],
    ]);
    expect(loadCallback).not.toHaveBeenCalled();
    await user().click(tabs[1] as HTMLElement);
    await settle();
    await settle();
    expect(loadCallback).toHaveBeenCalledWith(false);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('fd-tab-callback');
    expect(screen.getByText('form').textContent).toBe('form');
    // The arrow keys move between the tabs, and focus follows.
    key(tabs[1] as HTMLElement, { key: 'ArrowLeft' });
    await settle();
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[0]);
    expect(log()).toBeTruthy();
  });

  it('opens on the callback tab in the lead generator’s look', async () => {
    const loadCallback = vi.fn(async () => () => h('p', { class: 'callback-form' }, 'lead form'));
    await mount({ loadCallback, lead: true });
    await settle();
    expect(loadCallback).toHaveBeenCalledWith(true);
    expect(screen.getByText('lead form').textContent).toBe('lead form');
  });
});
