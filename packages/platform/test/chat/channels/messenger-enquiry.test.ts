/**
 * A Telegram customer's enquiry is handled as a site visitor's: out of working hours the
 * non-working auto-reply answers them in Telegram and the message goes out by e-mail; the first
 * operator to reply takes the conversation, and another operator's reply is refused.
 */
import {
  type ChatAck,
  type ChatMessage,
  type ChatSettings,
  type ConversationSummary,
  defaultSettings,
} from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
} from '../../support/channels';
import { engines } from '../../support/databases';
import { connectOps } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

type Sent = ChatAck<{ message: ChatMessage }>;

const closedWeek = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

describe.each(engines)('a Telegram enquiry on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;
  let olga: User;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
    olga = await t.addUser('operator', 'Olga Enquiry');
  });
  const ops = async (who: Parameters<typeof connectOps>[1]) => suite.keep(await connectOps(t, who));
  const received = (bot: string, chatId: number) =>
    stage.sandbox.telegram
      .messages(bot, chatId)
      .filter((m) => m.sender === 'bot')
      .map((m) => m.message.text);

  it('out of working hours, answers in Telegram with the non-working auto-reply and e-mails the message', async () => {
    const defaults = defaultSettings('chat') as ChatSettings;
    const { bot } = await telegramWidget(t, stage.sandbox, {
      settings: { schedule: { ...defaults.schedule, week: closedWeek } },
      site: {
        nonWorkingEmail: 'night@shop.example',
        autoReplies: [
          {
            text: { ru: 'Мы откроемся утром.', en: 'We open in the morning.' },
            delaySeconds: 0,
            when: 'nonWorking',
          },
          { text: { ru: 'Сейчас ответим.', en: 'One moment.' }, delaySeconds: 0, when: 'working' },
        ],
      },
    });
    const operator = await ops('operator');
    const night = customer(stage.sandbox, 'Nina');
    stage.sandbox.telegram.write(bot.username, night, 'Are you open tonight?');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Are you open tonight?');

    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received(bot.username, night.id)).toEqual(['Мы откроемся утром.']);
    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 500 });
    const mail = items.find((m) => m.body.includes('Are you open tonight?'));
    expect(mail).toMatchObject({
      channel: 'email',
      recipient: 'night@shop.example',
      subject: 'Chat message out of hours: Site chat',
    });
  });

  it('gives the conversation to the first operator who replies; another operator is refused', async () => {
    const { bot } = await telegramWidget(t, stage.sandbox);
    const oleg = await ops('operator');
    const olgaClient = await ops(olga);
    const anna = customer(stage.sandbox);
    stage.sandbox.telegram.write(bot.username, anna, 'Who will help me?');
    const { conversationId } = await olgaClient.next<ChatMessage>(
      'chat:message',
      (m) => m.text === 'Who will help me?',
    );
    await oleg.next<ChatMessage>('chat:message', (m) => m.conversationId === conversationId);

    const reply = await olgaClient.ask<Sent>('chat:send', {
      conversationId,
      clientId: 'enquiry-olga-1',
      text: 'Olga here.',
    });
    expect(reply).toMatchObject({ ok: true, message: { channel: 'telegram' } });
    expect(
      await oleg.next<ConversationSummary>(
        'chat:conversation',
        (c) => c.id === conversationId && c.assignee !== null,
      ),
    ).toMatchObject({ channel: 'telegram', assignee: { id: olga.id, name: 'Olga Enquiry' } });
    expect(
      await oleg.ask('chat:send', { conversationId, clientId: 'enquiry-oleg-1', text: 'Me too' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_yours', message: 'Olga Enquiry took this conversation.' },
    });
    await t.platform.workers.deliverReplies();
    expect(received(bot.username, anna.id)).toEqual(['Olga here.']);
  });
});
