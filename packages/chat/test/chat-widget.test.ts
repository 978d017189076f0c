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
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatConfig } from './fixtures';
import { MemoryChat } from './memory-chat';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let server: MemoryChat;
let session: ChatSession;
let container: HTMLElement;

async function mount(
  extra: Partial<ChatWidgetProps> = {},
  change?: (s: ChatSettings) => ChatSettings,
) {
  session = createChatSession({
    key: 'test-chat',
    storage: createConsentStorage(false),
    connect: server.connect,
  });
  session.start();
  const texts = await loadTexts('en');
  render(
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
    container,
  );
  await settle();
  const q = <T extends Element = HTMLElement>(selector: string) =>
    container.querySelector<T & HTMLElement>(selector);
  return {
    q,
    input: q<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement,
    send: q<HTMLButtonElement>('button.send') as HTMLButtonElement,
  };
}

function type(input: HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(input: HTMLElement, init: KeyboardEventInit) {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  input.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  server = new MemoryChat();
  localStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => render(null, container));
  session.close();
  document.body.replaceChildren();
});

describe('the chat window', () => {
  it('has a named log, a labelled composer and the working title', async () => {
    const { q, input } = await mount();
    // One language all through: the marketer's title is in the widget's language too.
    expect(q(`#${TITLE_ID}`)?.textContent).toBe('Online chat');
    const log = q('[role=log]');
    expect(log?.getAttribute('aria-live')).toBe('polite');
    expect(log?.getAttribute('aria-label')).toBe('Conversation');
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Your message');
  });

  it('sends on Enter, breaks the line on Shift+Enter, and never sends an empty message', async () => {
    const { input, send } = await mount();
    expect(send.disabled).toBe(true);
    key(input, { key: 'Enter' });
    type(input, 'first line');
    await settle();
    expect(send.disabled).toBe(false);
    const shifted = key(input, { key: 'Enter', shiftKey: true });
    expect(shifted.defaultPrevented).toBe(false);
    expect(server.messages()).toHaveLength(0);
    const composing = key(input, { key: 'Enter', isComposing: true });
    expect(composing.defaultPrevented).toBe(false);
    const enter = key(input, { key: 'Enter' });
    expect(enter.defaultPrevented).toBe(true);
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['first line']);
    expect(input.value).toBe('');
    expect(container.querySelector('[data-author=visitor] .words')?.textContent).toBe('first line');
  });

  it('keeps Send disabled until the consent box is ticked, where the config asks', async () => {
    const { q, input, send } = await mount({}, (s) => ({
      ...s,
      consent: { required: true },
    }));
    type(input, 'hello');
    await settle();
    expect(send.disabled).toBe(true);
    key(input, { key: 'Enter' });
    await settle();
    expect(server.messages()).toHaveLength(0);
    const box = q<HTMLInputElement>('.check input') as HTMLInputElement;
    expect(box.closest('label')?.textContent).toBe('I agree to the processing of my personal data');
    box.click();
    await settle();
    expect(send.disabled).toBe(false);
    send.click();
    await settle();
    expect(server.messages()).toHaveLength(1);
  });

  it('shows sent and read on the visitor’s own messages, and the operator typing', async () => {
    const { q, input } = await mount();
    type(input, 'hi');
    key(input, { key: 'Enter' });
    await settle();
    expect(q('[data-author=visitor] .meta')?.textContent).toMatch(/· Sent$/);
    server.push('read', { upToSeq: 1 });
    server.push('typing', { typing: true });
    await settle();
    expect(q('[data-author=visitor] .meta')?.textContent).toMatch(/· Read$/);
    expect(q('.status')?.textContent).toBe('The operator is typing…');
  });

  it('marks what it shows as read, and names the operator and photo only as allowed', async () => {
    server.operatorSays('Hello!', { name: 'Anna', photoUrl: 'https://cdn.example/anna.jpg' });
    const { q } = await mount();
    await settle();
    expect(server.received).toContainEqual(['read', { upToSeq: 1 }]);
    expect(session.state.unread).toBe(0);
    expect(q('.head .text')?.textContent).toBe('Anna');
    expect(q<HTMLImageElement>('.photo')?.src).toBe('https://cdn.example/anna.jpg');
    expect(q('[data-author=operator] .sr-only')?.textContent).toBe('Anna: ');
    render(null, container);
    session.close();
    const hidden = await mount({}, (s) => ({
      ...s,
      channels: {
        ...s.channels,
        site: { ...s.channels.site, showOperatorName: false, showOperatorPhoto: false },
      },
    }));
    expect(hidden.q('.photo')).toBeNull();
    expect(hidden.q('.head .text')?.textContent).not.toBe('Anna');
  });

  it('shows the non-working title and text, and still lets the visitor write', async () => {
    server.working = false;
    const { q, input } = await mount({ variant: 'non-working' });
    expect(q(`#${TITLE_ID}`)?.textContent).toBe('We are offline now');
    expect(q('.head')?.dataset.variant).toBe('non-working');
    type(input, 'after hours');
    key(input, { key: 'Enter' });
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['after hours']);
  });

  it('offers the four marks after a closed chat and thanks for one', async () => {
    const { q, input } = await mount();
    type(input, 'bye');
    key(input, { key: 'Enter' });
    await settle();
    server.close(true);
    await settle();
    const marks = [...container.querySelectorAll<HTMLButtonElement>('.rating button')];
    expect(marks.map((b) => b.textContent)).toEqual(['Excellent', 'Good', 'Satisfactory', 'Poor']);
    marks[1]?.click();
    await settle();
    expect(server.current()?.state.rating).toBe('good');
    expect(q('.rating')).toBeNull();
    expect(container.textContent).toContain('Thank you for your rating!');
    expect(document.activeElement?.id).toBe('fd-chat-input');
  });

  it('has one button per connected messenger, opening its link', async () => {
    const open = vi.fn();
    const { q } = await mount({ openUrl: open }, (s) => ({
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
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('.messengers button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Continue in Telegram',
      'Continue in VK',
    ]);
    buttons[0]?.click();
    await settle();
    expect(open).toHaveBeenCalledWith(
      'https://t.me/frontdesk_bot?start=ctx123',
      '_blank',
      'noopener,noreferrer',
    );
    // The memory platform answers VK with a javascript: link: nothing opens, the visitor is told.
    buttons[1]?.click();
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
    expect(q('.alert')?.textContent).toBe('Something went wrong. Please try again.');
  });

  it('renders an operator name and messages as text only', async () => {
    server.operatorSays('<img src=x onerror="window.__xss=1">', { name: '<b>Eve</b>' });
    const { q } = await mount();
    await settle();
    expect(container.querySelector('img:not(.photo), b, script')).toBeNull();
    expect(q('.head .text')?.textContent).toBe('<b>Eve</b>');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('has a callback tab only when given one, and loads it when opened', async () => {
    const plain = await mount();
    expect(plain.q('[role=tablist]')).toBeNull();
    render(null, container);
    session.close();
    const loadCallback = vi.fn(async () => () => h('p', { class: 'callback-form' }, 'form'));
    const { q } = await mount({ loadCallback });
    const tabs = [...container.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Chat', 'true'],
      ['Call me back', 'false'],
    ]);
    expect(loadCallback).not.toHaveBeenCalled();
    tabs[1]?.click();
    await settle();
    await settle();
    expect(loadCallback).toHaveBeenCalledWith(false);
    expect(q('[role=tabpanel]')?.getAttribute('aria-labelledby')).toBe('fd-tab-callback');
    expect(q('.callback-form')?.textContent).toBe('form');
    // The arrow keys move between the tabs, and focus follows.
    key(tabs[1] as HTMLElement, { key: 'ArrowLeft' });
    await settle();
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[0]);
    expect(q('[role=log]')).not.toBeNull();
  });

  it('opens on the callback tab in the lead generator’s look', async () => {
    const loadCallback = vi.fn(async () => () => h('p', { class: 'callback-form' }, 'lead form'));
    const { q } = await mount({ loadCallback, lead: true });
    await settle();
    expect(loadCallback).toHaveBeenCalledWith(true);
    expect(q('.callback-form')?.textContent).toBe('lead form');
  });
});
