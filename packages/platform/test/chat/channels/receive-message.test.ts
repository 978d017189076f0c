/**
 * Customers writing to the widget's Telegram bot (the messenger sandbox, polled by the platform):
 * their messages reach the operators the Telegram channel routes to, in one conversation per
 * customer, named as Telegram names them; the site chat's auto-replies answer them in Telegram.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  type TelegramStage,
  telegramStage,
  telegramWidget,
} from '../../support/channels';
import { engines, type TestDatabase } from '../../support/databases';
import { connectOps, type OpsClient } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

type Listed = ChatAck<{ conversations: ConversationSummary[] }>;

describe.each(engines)('messages from Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let database: TestDatabase;
  let t: TestPlatform;
  let olga: User;
  const sockets: OpsClient[] = [];

  beforeAll(async () => {
    stage = await telegramStage();
    database = await engine.open();
    t = await stage.platform(database);
    olga = await t.addUser('operator', 'Olga Telegram');
  });
  afterEach(() => {
    for (const client of sockets.splice(0)) client.socket.close();
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await stage?.close();
  });

  const ops = async (who: Parameters<typeof connectOps>[1]) => {
    const client = await connectOps(t, who);
    sockets.push(client);
    return client;
  };

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
    const received = stage.sandbox.telegram
      .messages(bot.username, boris.id)
      .filter((m) => m.sender === 'bot');
    // The widget's main language (Russian by default): a messenger has no browser to ask.
    expect(received.map((m) => m.message.text)).toEqual(['Ответим через минуту.']);
  });
});
