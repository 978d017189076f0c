/**
 * Customers writing to the widget's Telegram bot (the messenger sandbox, polled by the platform):
 * their messages reach the operators the Telegram channel routes to, in one conversation per
 * customer, named as Telegram names them; the site chat's auto-replies answer them in Telegram;
 * out of working hours the non-working auto-reply answers and the message goes out by e-mail;
 * the first operator to reply takes the conversation, another operator's reply is refused.
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

type Listed = ChatAck<{ conversations: ConversationSummary[] }>;
type Sent = ChatAck<{ message: ChatMessage }>;

const closedWeek = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

describe.each(engines)('messages from Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;
  let olga: User;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
    olga = await t.addUser('operator', 'Olga Telegram');
  });

  const ops = async (who: Parameters<typeof connectOps>[1]) => {
    const client = await connectOps(t, who);
    suite.keep(client);
    return client;
  };
  const received = (bot: string, chatId: number) =>
    stage.sandbox.telegram
      .messages(bot, chatId)
      .filter((m) => m.sender === 'bot')
      .map((m) => m.message.text);

  it("routes a customer's messages to the Telegram receiver, in one conversation named as Telegram names them", async () => {
    const { bot } = await telegramWidget(t, stage.sandbox, {
      receiver: { kind: 'employee', id: olga.id },
    });
    const receiver = await ops(olga);
    const other = await ops('operator');
    const anna = customer(stage.sandbox);
    stage.sandbox.telegram.write(bot.username, anna, 'Do you deliver on Sundays?');
    const first = await receiver.next<ChatMessage>('chat:message', (m) =>
      m.text.includes('Sundays'),
    );
    expect(first).toMatchObject({ author: 'visitor', channel: 'telegram', seq: 1 });
    const summary = await receiver.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === first.conversationId,
    );
    expect(summary).toMatchObject({
      channel: 'telegram',
      receiver: { kind: 'employee', id: olga.id },
      visitor: { name: `Anna ${anna.lastName}`, online: false },
      unanswered: 1,
    });

    stage.sandbox.telegram.write(bot.username, anna, 'And on holidays?');
    const second = await receiver.next<ChatMessage>('chat:message', (m) =>
      m.text.includes('holidays'),
    );
    expect(second).toMatchObject({ conversationId: first.conversationId, seq: 2 });

    // Routed to Olga alone: another operator's list does not have it.
    const listed = await other.ask<Listed>('chat:list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.conversations.map((c) => c.id)).not.toContain(first.conversationId);
    const detail = await receiver.ask<ChatAck<{ peers: unknown[]; messages: ChatMessage[] }>>(
      'chat:open',
      { conversationId: first.conversationId },
    );
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.peers).toEqual([
      { channel: 'telegram', name: `Anna ${anna.lastName}`, username: anna.username, phone: null },
    ]);
    expect(detail.messages.map((m) => [m.seq, m.channel])).toEqual([
      [1, 'telegram'],
      [2, 'telegram'],
    ]);
  });

  it("answers a customer's enquiry with the site chat's auto-reply in its main language, in Telegram", async () => {
    const { bot } = await telegramWidget(t, stage.sandbox, {
      site: {
        autoReplies: [
          {
            text: { ru: 'Ответим через минуту.', en: 'We will answer within a minute.' },
            delaySeconds: 0,
            when: 'working',
          },
        ],
      },
    });
    const operator = await ops('operator');
    const boris = customer(stage.sandbox, 'Boris');
    stage.sandbox.telegram.write(bot.username, boris, 'Is anybody there?');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Is anybody there?');
    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    // The widget's main language (Russian by default): a messenger has no browser to ask.
    expect(received(bot.username, boris.id)).toEqual(['Ответим через минуту.']);
  });

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
    ).toMatchObject({ channel: 'telegram', assignee: { id: olga.id, name: 'Olga Telegram' } });
    expect(
      await oleg.ask('chat:send', { conversationId, clientId: 'enquiry-oleg-1', text: 'Me too' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_yours', message: 'Olga Telegram took this conversation.' },
    });
    await t.platform.workers.deliverReplies();
    expect(received(bot.username, anna.id)).toEqual(['Olga here.']);
  });
});
