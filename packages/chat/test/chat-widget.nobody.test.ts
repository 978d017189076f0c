// @vitest-environment jsdom
/**
 * The chat window while nobody can answer: the "nobody available" texts with no operator's
 * name, and, once the visitor has written, the contact form (its own chunk) whose answer
 * becomes the conversation's contact — or, for a visitor the account knows, how the company
 * will answer. Read as a visitor reads it, by role and label.
 */
import {
  type ChatSession,
  ChatWidget,
  type ChatWidgetProps,
  createChatSession,
  loadContactForm,
  loadTexts,
} from '@frontdesk/chat';
import type { ChatSettings } from '@frontdesk/config';
import { createConsentStorage } from '@frontdesk/core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { texts as contactTexts } from '../src/contact-texts-en';
import { chatConfig } from './fixtures';
import { MemoryChat } from './memory-chat';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

const texts = await loadTexts('en');
const c = contactTexts;
const nobody = { title: 'Leave us a message', text: 'Nobody is here now.', buttonText: 'Write' };
const working = { title: 'We are online!', text: 'We answer in minutes.', buttonText: 'Chat' };

/** `texts` as English marketer texts. */
const inEnglish = (texts: typeof working) => ({
  title: { en: texts.title },
  text: { en: texts.text },
  buttonText: { en: texts.buttonText },
});

let server: MemoryChat;
let session: ChatSession;

beforeEach(() => {
  server = new MemoryChat();
  server.presence = 'nobody';
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});
afterEach(() => {
  cleanup();
  session.close();
});

/** The window of a chat whose working and "nobody available" texts are set, connected. */
async function open(
  change: (s: ChatSettings) => ChatSettings = (s) => s,
  extra: Partial<ChatWidgetProps> = {},
) {
  session = createChatSession({
    key: 'test-chat',
    storage: createConsentStorage(false),
    connect: server.connect,
  });
  session.start();
  render(
    h(ChatWidget, {
      config: chatConfig((s) =>
        change({
          ...s,
          appearance: { ...s.appearance, working: inEnglish(working), nobody: inEnglish(nobody) },
        }),
      ),
      variant: 'working',
      presence: 'nobody',
      session,
      texts,
      lang: 'en',
      locale: 'en-GB',
      brandHref: 'https://fd.example',
      loadContactForm: () => loadContactForm('en'),
      ...extra,
    }),
  );
  await waitFor(() => expect(session.state.connection).toBe('online'));
}

/** The visitor writes `text` and sends it. */
async function write(text: string) {
  fireEvent.input(screen.getByLabelText(texts.chat.message), { target: { value: text } });
  await user().click(screen.getByRole('button', { name: texts.chat.send }));
  await waitFor(() => expect(server.messages().some((m) => m.text === text)).toBe(true));
}

describe('the chat window while nobody can answer', () => {
  it('shows the "nobody available" texts and no operator, and promises nothing', async () => {
    server.operatorSays('Earlier answer', { name: 'Anna' });
    await open();
    expect(screen.getByRole('heading', { name: nobody.title })).toBeTruthy();
    expect(screen.getByText(nobody.text)).toBeTruthy();
    expect(screen.queryByText('Anna')).toBeNull();
    expect(document.body.textContent).not.toContain(working.text);
    // An operator comes online: the working texts, the operator's name.
    server.push('presence', { presence: 'online' });
    await waitFor(() => expect(screen.getByRole('heading', { name: working.title })).toBeTruthy());
    expect(screen.getByText('Anna')).toBeTruthy();
  });

  it('offers the contact form once the visitor wrote; what they give becomes the contact', async () => {
    await open();
    expect(screen.queryByRole('form', { name: c.title })).toBeNull();
    await write('Do you deliver?');
    const form = await screen.findByRole('form', { name: c.title });
    fireEvent.input(screen.getByLabelText(c.name), { target: { value: 'Ivan' } });
    await user().click(screen.getByRole('button', { name: c.send }));
    expect(await screen.findByText(c.needOne)).toBeTruthy();
    expect(server.received.some(([event]) => event === 'leave-contact')).toBe(false);
    fireEvent.input(screen.getByLabelText(c.phone), { target: { value: '8 916 123-45-67' } });
    await user().click(screen.getByRole('button', { name: c.send }));
    await waitFor(() => expect(screen.getByText(c.known('8 916 123-45-67'))).toBeTruthy());
    expect(form.isConnected).toBe(false);
    expect(server.received).toContainEqual([
      'leave-contact',
      { name: 'Ivan', phone: '8 916 123-45-67' },
    ]);
  });

  it('names the phone the platform refuses', async () => {
    await open();
    await write('Hello?');
    await screen.findByRole('form', { name: c.title });
    const phone = screen.getByLabelText(c.phone);
    fireEvent.input(phone, { target: { value: '12' } });
    await user().click(screen.getByRole('button', { name: c.send }));
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(phone.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      c.phoneInvalid,
    );
  });

  it('asks for consent where the widget does, once: the composer tick counts', async () => {
    await open((s) => ({ ...s, consent: { required: true, text: { en: 'I agree' } } }));
    // Before writing, the visitor ticks the composer's box: the form asks no second time.
    await user().click(screen.getByRole('checkbox', { name: 'I agree' }));
    await write('Hello?');
    await screen.findByRole('form', { name: c.title });
    expect(screen.getAllByRole('checkbox', { name: 'I agree' })).toHaveLength(1);
    fireEvent.input(screen.getByLabelText(c.email), { target: { value: 'ivan@example.com' } });
    await user().click(screen.getByRole('button', { name: c.send }));
    await waitFor(() =>
      expect(server.received).toContainEqual([
        'leave-contact',
        { email: 'ivan@example.com', consent: true },
      ]),
    );
  });

  it('asks for consent in the form when the visitor has not ticked it', async () => {
    await open((s) => ({ ...s, consent: { required: true, text: { en: 'I agree' } } }));
    await user().click(screen.getByRole('checkbox', { name: 'I agree' }));
    await write('Hello?');
    await screen.findByRole('form', { name: c.title });
    // The visitor takes the composer's tick back: the form asks for its own.
    await user().click(screen.getAllByRole('checkbox', { name: 'I agree' })[0] as HTMLElement);
    const boxes = screen.getAllByRole('checkbox', { name: 'I agree' });
    expect(boxes).toHaveLength(2);
    const send = screen.getByRole('button', { name: c.send }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(c.phone), { target: { value: '+79161234567' } });
    await user().click(boxes[1] as HTMLElement);
    expect(send.disabled).toBe(false);
    await user().click(send);
    await waitFor(() =>
      expect(server.received).toContainEqual([
        'leave-contact',
        { phone: '+79161234567', consent: true },
      ]),
    );
  });

  it('does not ask a visitor the account knows (a callback order’s phone) again', async () => {
    server.contact = { name: 'Anna', phone: '+79161234567', email: null };
    await open();
    await write('About my order');
    expect(await screen.findByText(c.known('+79161234567'))).toBeTruthy();
    expect(screen.queryByRole('form', { name: c.title })).toBeNull();
  });

  it('offers no form while someone can answer', async () => {
    server.presence = 'online';
    await open();
    await write('Hi');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('heading', { name: working.title })).toBeTruthy();
    expect(screen.queryByRole('form', { name: c.title })).toBeNull();
  });
});
