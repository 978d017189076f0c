/**
 * "Continue in Telegram": the site visitor's hand-off link opens the sandbox's bot with the
 * token, the customer presses Start, and the conversation the operator sees goes on in Telegram
 * — their messages in it, the operator's replies delivered there. A token works once, and not
 * after it expired.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { Customer, SandboxBot } from '@frontdesk/messenger-sandbox';
import type { Widget } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOFF_TTL_MS } from '../../../src/chat/channels/receive-handoff';
import { telegramCredential } from '../../../src/chat/channels/telegram/telegram-token';
import {
  customer,
  pollerEvent,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
} from '../../support/channels';
import { connectVisitor, type VisitorClient } from '../../support/chat';
import { engines } from '../../support/databases';
import { connectOps, type OpsClient } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

type Sent = ChatAck<{ message: ChatMessage }>;
type Handoff = ChatAck<{ url: string }>;

let ids = 0;
const cid = () => `handoff-${String(++ids).padStart(8, '0')}`;

describe.each(engines)('hand-off to Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;
  let operator: OpsClient;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
    operator = await connectOps(t, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
  });

  /** A site visitor of `widget` who wrote once, and the conversation that opened. */
  const siteVisitor = async (widget: Widget) => {
    const visitor = await connectVisitor(t.url, { key: widget.key });
    suite.keep(visitor);
    const sent = await visitor.ask<Sent>('send', {
      clientId: cid(),
      text: 'Can we go on in Telegram?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    return { visitor, conversationId: sent.message.conversationId };
  };
  const handoffToken = async (visitor: VisitorClient, bot: SandboxBot) => {
    const answer = await visitor.ask<Handoff>('handoff', { channel: 'telegram' });
    if (!answer.ok) throw new Error(answer.error.message);
    const url = new URL(answer.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      `${stage.sandbox.telegram.linkBase}/${bot.username}`,
    );
    return url.searchParams.get('start') ?? '';
  };
  /** The customer presses Start with `token`; resolves once the poller dealt with it. */
  const start = async (bot: SandboxBot, who: Customer, token: string) => {
    const credential = telegramCredential(bot.token);
    const handled = pollerEvent(
      t.platform,
      (e) => e.type === 'stored' && e.credential === credential,
    );
    stage.sandbox.telegram.start(bot.username, who, token);
    await handled;
  };

  it("joins the customer to the visitor's conversation, which goes on in Telegram both ways", async () => {
    const { widget, bot } = await telegramWidget(t, stage.sandbox);
    const { visitor, conversationId } = await siteVisitor(widget);
    const token = await handoffToken(visitor, bot);
    const anna = customer(stage.sandbox);

    stage.sandbox.telegram.start(bot.username, anna, token);
    const note = await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.conversationId === conversationId && m.author === 'system',
    );
    expect(note.text).toBe(
      `The customer continued in Telegram as Anna ${anna.lastName} (@${anna.username}).`,
    );
    expect(
      await operator.next<ConversationSummary>(
        'chat:conversation',
        (c) => c.id === conversationId && c.channel === 'telegram',
      ),
    ).toMatchObject({ status: 'open' });

    stage.sandbox.telegram.write(bot.username, anna, 'Hello from Telegram');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello from Telegram'),
    ).toMatchObject({ conversationId, author: 'visitor', channel: 'telegram' });

    const reply = await operator.ask<Sent>('chat:send', {
      conversationId,
      clientId: cid(),
      text: 'Welcome to Telegram!',
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    const received = stage.sandbox.telegram
      .messages(bot.username, anna.id)
      .filter((m) => m.sender === 'bot');
    expect(received.map((m) => m.message.text)).toEqual(['Welcome to Telegram!']);
    // The site chat keeps the whole conversation too.
    expect(
      await visitor.next<ChatMessage>('message', (m) => m.text === 'Welcome to Telegram!'),
    ).toMatchObject({ conversationId });

    // Replies go where the customer last wrote from: back on the site, the site alone…
    const again = await visitor.ask<Sent>('send', { clientId: cid(), text: 'Back on the site' });
    if (!again.ok) throw new Error(again.error.message);
    const onSite = await operator.ask<Sent>('chat:send', {
      conversationId,
      clientId: cid(),
      text: 'Answered on the site',
    });
    expect(onSite).toMatchObject({ ok: true, message: { text: 'Answered on the site' } });
    expect(onSite.ok && onSite.message.channel).toBeFalsy();
    await visitor.next<ChatMessage>('message', (m) => m.text === 'Answered on the site');
    expect(await t.platform.workers.deliverReplies()).toBe(0);
    // …and in Telegram again once the customer writes there.
    stage.sandbox.telegram.write(bot.username, anna, 'Telegram again');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Telegram again');
    const inTelegram = await operator.ask<Sent>('chat:send', {
      conversationId,
      clientId: cid(),
      text: 'Answered in Telegram',
    });
    if (!inTelegram.ok) throw new Error(inTelegram.error.message);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(
      stage.sandbox.telegram
        .messages(bot.username, anna.id)
        .filter((m) => m.sender === 'bot')
        .map((m) => m.message.text),
    ).toEqual(['Welcome to Telegram!', 'Answered in Telegram']);
  });

  it('lets a token work once, and not once it expired', async () => {
    const { widget, bot } = await telegramWidget(t, stage.sandbox);
    const { visitor, conversationId } = await siteVisitor(widget);
    const used = await handoffToken(visitor, bot);
    const anna = customer(stage.sandbox);
    stage.sandbox.telegram.start(bot.username, anna, used);
    await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.conversationId === conversationId && m.author === 'system',
    );

    // Someone else with the same link: their words start a conversation of their own.
    const boris = customer(stage.sandbox, 'Boris');
    await start(bot, boris, used);
    stage.sandbox.telegram.write(bot.username, boris, 'Is this the shop?');
    const theirs = await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.text === 'Is this the shop?',
    );
    expect(theirs.conversationId).not.toBe(conversationId);

    // A token an hour old joins nothing either.
    const expired = await handoffToken(visitor, bot);
    stage.clock.advance(HANDOFF_TTL_MS + 1);
    const vera = customer(stage.sandbox, 'Vera');
    await start(bot, vera, expired);
    stage.sandbox.telegram.write(bot.username, vera, 'Hello?');
    const hers = await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello?');
    expect(hers.conversationId).not.toBe(conversationId);
    expect(
      operator.received.filter(
        ([event, m]) =>
          event === 'chat:message' &&
          (m as ChatMessage).conversationId === conversationId &&
          (m as ChatMessage).author === 'system',
      ),
    ).toHaveLength(1);
  });
});
