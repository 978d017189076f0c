/**
 * Operators' replies to Telegram customers through the replies' outbox, against the messenger
 * sandbox's faults: delivered and told to the console; a 429's retry_after waited out on the
 * platform's clock; a blocked bot failed with the reason and never retried; an outage retried
 * with back-off until Telegram is back; nothing retried forever.
 */
import type { ChatAck, ChatDelivery, ChatMessage } from '@frontdesk/config';
import type { SandboxBot } from '@frontdesk/messenger-sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS } from '../../../src/chat/channels/deliver-replies';
import {
  customer,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
} from '../../support/channels';
import { engines } from '../../support/databases';
import { connectOps, type OpsClient } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

type Sent = ChatAck<{ message: ChatMessage }>;
type Opened = ChatAck<{ messages: ChatMessage[] }>;

let ids = 0;
const cid = () => `reply-${String(++ids).padStart(8, '0')}`;

describe.each(engines)('replies to Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;
  let operator: OpsClient;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
    operator = await connectOps(t, 'operator');
  });
  // Each test ends with its replies sent or failed: none is left for the next one's passes.
  afterEach(() => stage.sandbox.telegram.faults.clear());
  afterAll(async () => {
    operator?.socket.close();
  });

  /** A new bot and customer, and the conversation the customer's first message opened. */
  const conversation = async () => {
    const { bot } = await telegramWidget(t, stage.sandbox);
    const who = customer(stage.sandbox);
    const text = `Question ${cid()}`;
    stage.sandbox.telegram.write(bot.username, who, text);
    const first = await operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    return { bot, who, conversationId: first.conversationId };
  };
  const reply = async (conversationId: string, text: string) => {
    const sent = await operator.ask<Sent>('chat:send', { conversationId, clientId: cid(), text });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.message;
  };
  const received = (bot: SandboxBot, chatId: number) =>
    stage.sandbox.telegram
      .messages(bot.username, chatId)
      .filter((m) => m.sender === 'bot')
      .map((m) => m.message.text);
  const delivery = async (conversationId: string, messageId: string) => {
    const opened = await operator.ask<Opened>('chat:open', { conversationId });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.messages.find((m) => m.id === messageId)?.delivery;
  };

  it("delivers an operator's reply in Telegram and tells the console", async () => {
    const { bot, who, conversationId } = await conversation();
    const message = await reply(conversationId, 'Yes, on Sundays too.');
    expect(message).toMatchObject({ channel: 'telegram', delivery: { status: 'pending' } });
    expect(received(bot, who.id)).toEqual([]);

    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received(bot, who.id)).toEqual(['Yes, on Sundays too.']);
    expect(
      await operator.next<ChatDelivery>('chat:delivery', (e) => e.messageId === message.id),
    ).toEqual({
      conversationId,
      messageId: message.id,
      seq: message.seq,
      channel: 'telegram',
      delivery: { status: 'sent' },
    });
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'sent' });
    // Sent once: the next pass has nothing to do.
    expect(await t.platform.workers.deliverReplies()).toBe(0);
  });

  it("waits out a 429's retry_after on the platform's clock, keeping the replies in order", async () => {
    const { bot, who, conversationId } = await conversation();
    stage.sandbox.telegram.faults.rateLimit({ retryAfter: 30, bot: bot.username });
    const first = await reply(conversationId, 'One moment…');
    const second = await reply(conversationId, 'Here it is.');

    // Only the first is tried: the second waits behind it.
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received(bot, who.id)).toEqual([]);
    expect(await delivery(conversationId, first.id)).toEqual({
      status: 'pending',
      error: 'Telegram: Too Many Requests: retry after 30',
    });
    stage.clock.advance(29_000);
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    stage.clock.advance(1_000);
    expect(await t.platform.workers.deliverReplies()).toBe(2);
    expect(received(bot, who.id)).toEqual(['One moment…', 'Here it is.']);
    expect(await delivery(conversationId, second.id)).toEqual({ status: 'sent' });
  });

  it('delays a reply to the one customer Telegram rate-limits and sends it once after the wait', async () => {
    const { bot, who, conversationId } = await conversation();
    const other = customer(stage.sandbox, 'Boris');
    const question = `Question ${cid()}`;
    stage.sandbox.telegram.write(bot.username, other, question);
    const otherConversation = (
      await operator.next<ChatMessage>('chat:message', (m) => m.text === question)
    ).conversationId;
    stage.sandbox.telegram.faults.rateLimit({ retryAfter: 30, bot: bot.username, chatId: who.id });
    const limited = await reply(conversationId, 'Your order is on its way.');
    const free = await reply(otherConversation, 'Yours too.');

    await t.platform.workers.deliverReplies();
    expect(received(bot, other.id)).toEqual(['Yours too.']);
    expect(received(bot, who.id)).toEqual([]);
    expect(await delivery(conversationId, limited.id)).toEqual({
      status: 'pending',
      error: 'Telegram: Too Many Requests: retry after 30',
    });
    stage.clock.advance(30_000);
    await t.platform.workers.deliverReplies();
    expect(received(bot, who.id)).toEqual(['Your order is on its way.']);
    expect(await delivery(conversationId, limited.id)).toEqual({ status: 'sent' });
    // Once: nothing is left to send, to either customer.
    stage.clock.advance(300_000);
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    expect(received(bot, who.id)).toEqual(['Your order is on its way.']);
    expect(received(bot, other.id)).toEqual(['Yours too.']);
    expect(await delivery(otherConversation, free.id)).toEqual({ status: 'sent' });
  });

  it('fails a reply to a customer who blocked the bot, with the reason, and never retries it', async () => {
    const { bot, who, conversationId } = await conversation();
    stage.sandbox.telegram.setBlocked(bot.username, who.id, true);
    const message = await reply(conversationId, 'Are you still there?');
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    const reason = 'Telegram: Forbidden: bot was blocked by the user';
    expect(
      await operator.next<ChatDelivery>('chat:delivery', (e) => e.messageId === message.id),
    ).toMatchObject({ delivery: { status: 'failed', error: reason } });
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'failed', error: reason });
    stage.sandbox.telegram.setBlocked(bot.username, who.id, false);
    stage.clock.advance(60 * 60 * 1000);
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    expect(received(bot, who.id)).toEqual([]);
  });

  it('retries with back-off while Telegram is down and delivers once it is back', async () => {
    const { bot, who, conversationId } = await conversation();
    await stage.sandbox.telegram.faults.down('refused');
    const message = await reply(conversationId, 'Back soon.');
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(await delivery(conversationId, message.id)).toMatchObject({ status: 'pending' });
    // The first back-off is 5 s on the platform's clock.
    stage.clock.advance(4_999);
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    stage.clock.advance(1);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    await stage.sandbox.telegram.faults.up();
    stage.clock.advance(10_000);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received(bot, who.id)).toEqual(['Back soon.']);
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'sent' });
  });

  it('gives a reply up as failed once its attempts are spent', async () => {
    const { conversationId } = await conversation();
    await stage.sandbox.telegram.faults.down('bad-gateway');
    const message = await reply(conversationId, 'This will not arrive.');
    for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await t.platform.workers.deliverReplies()).toBe(1);
      stage.clock.advance(300_000);
    }
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error: `Not delivered after ${MAX_DELIVERY_ATTEMPTS} attempts: Telegram answered sendMessage with HTTP 502`,
    });
  });
});
