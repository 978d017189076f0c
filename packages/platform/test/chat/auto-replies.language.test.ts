/**
 * Auto-replies in the visitor's language: the chat widget tells the platform the language it
 * speaks (`locale` in the handshake), and each auto-reply goes out in it — or, when the widget
 * does not offer that language (a text lacks it), in its main language, like every other text.
 */
import type { ChatAck, ChatMessage, ChatSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines } from '../support/databases';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;
type AutoReply = ChatSettings['channels']['site']['autoReplies'][number];

const hello: AutoReply = {
  text: { ru: 'Оператор скоро ответит.', en: 'An operator will answer shortly.' },
  delaySeconds: 10,
  when: 'working',
};

let ids = 0;
const cid = () => `lang-test-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('auto-replies in the visitor’s language on $name', (engine) => {
  const suite = socketSuite(engine);

  /** The auto-reply a visitor whose widget speaks `locale` gets from a widget of `settings`. */
  async function autoReplyTo(
    locale: 'ru' | 'en' | undefined,
    replies: AutoReply[],
    settings: Partial<ChatSettings> = { locale: 'auto' },
  ): Promise<string> {
    const { t } = suite;
    const widget = await chatWidget(t, { autoReplies: replies }, settings);
    const client = suite.keep(
      await connectVisitor(t.url, { key: widget.key, ...(locale ? { locale } : {}) }),
    );
    const sent = await client.ask<Sent>('send', { clientId: cid(), text: 'Hello?' });
    if (!sent.ok) throw new Error(sent.error.message);
    t.clock.advance(10_000);
    await t.platform.workers.fireAutoReplies();
    return (await client.next<ChatMessage>('message', (m) => m.author === 'auto')).text;
  }

  it('sends each auto-reply in the language the widget speaks to the visitor', async () => {
    expect(await autoReplyTo('en', [hello])).toBe('An operator will answer shortly.');
    expect(await autoReplyTo('ru', [hello])).toBe('Оператор скоро ответит.');
  });

  it('falls back to the main language as a whole when the visitor’s lacks a text', async () => {
    const untranslated: AutoReply = { ...hello, text: { ru: 'Извините за ожидание.' } };
    // English lacks one auto-reply: the widget does not offer English, so none is English.
    expect(await autoReplyTo('en', [hello, { ...untranslated, delaySeconds: 600 }])).toBe(
      'Оператор скоро ответит.',
    );
    // An English main language: a Russian visitor of a widget without Russian gets English.
    const english: AutoReply = { ...hello, text: { en: 'Be right with you.' } };
    expect(await autoReplyTo('ru', [english], { locale: 'auto', mainLocale: 'en' })).toBe(
      'Be right with you.',
    );
  });

  it('speaks the fixed language of a widget, whatever the visitor’s', async () => {
    expect(await autoReplyTo('en', [hello], { locale: 'ru' })).toBe('Оператор скоро ответит.');
    expect(await autoReplyTo(undefined, [hello], { locale: 'en' })).toBe(
      'An operator will answer shortly.',
    );
  });
});
