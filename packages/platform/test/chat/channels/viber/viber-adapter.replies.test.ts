/**
 * Operators' replies to Viber customers through the replies' outbox, against the sandbox's
 * faults: delivered and told to the console; status 12 (tooManyRequests) waited out on the
 * platform's clock and sent once; 6 (not subscribed) failed with the reason, never retried; an
 * outage retried with back-off until Viber is back, sent once. The rating goes as a Viber
 * keyboard and the button pressed rates the conversation once. A bad token shows in the status.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { ViberChatMessage, ViberSandboxBot, ViberUser } from '@frontdesk/messenger-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { VIBER_RATE_LIMIT_WAIT_MS } from '../../../../src/chat/channels/viber/viber-adapter';
import { engines } from '../../../support/databases';
import { operatorReplies } from '../../../support/operator-replies';
import { viberSuite, viberUser, viberWidget } from '../../../support/viber';

describe.each(engines)('replies to Viber on $name', (engine) => {
  const suite = viberSuite(engine);
  afterEach(() => suite.sandbox.viber.faults.clear());
  const { cid, reply, delivery, deliver } = operatorReplies(suite, 'viber');

  /** A new bot and customer, and the conversation the customer's first message opened. */
  const conversation = async (site?: { rating: boolean }) => {
    const { bot, widget } = await viberWidget(suite, site ? { site } : {});
    const who = viberUser(suite.sandbox);
    const text = `Question ${cid()}`;
    suite.sandbox.viber.write(bot, who, text);
    const first = await suite.operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    return { bot, widget, who, conversationId: first.conversationId };
  };
  const received = (bot: ViberSandboxBot, who: ViberUser) =>
    suite.sandbox.viber
      .messages(bot, who.id)
      .filter((m) => m.sender === 'bot')
      .map((m) => m.text);

  it("delivers an operator's reply in Viber and tells the console", async () => {
    const { bot, who, conversationId } = await conversation();
    const message = await reply(conversationId, 'Yes, on Sundays too.');
    expect(message).toMatchObject({ channel: 'viber', delivery: { status: 'pending' } });
    expect(await deliver()).toBe(1);
    expect(received(bot, who)).toEqual(['Yes, on Sundays too.']);
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'sent' });
    expect(await deliver()).toBe(0);
  });

  it('waits after status 12 on the platform’s clock and sends once, in order', async () => {
    const { bot, who, conversationId } = await conversation();
    suite.sandbox.viber.faults.rateLimit(10);
    const first = await reply(conversationId, 'One moment…');
    const second = await reply(conversationId, 'Here it is.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, first.id)).toEqual({
      status: 'pending',
      error: 'Viber: tooManyRequests (status 12)',
    });
    suite.clock.advance(VIBER_RATE_LIMIT_WAIT_MS - 1_000);
    expect(await deliver()).toBe(0);
    suite.clock.advance(1_000);
    expect(await deliver()).toBe(2);
    expect(received(bot, who)).toEqual(['One moment…', 'Here it is.']);
    expect(await delivery(conversationId, second.id)).toEqual({ status: 'sent' });
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(bot, who)).toEqual(['One moment…', 'Here it is.']);
  });

  it('fails a reply to a customer who unsubscribed (6) with the reason, never retried', async () => {
    const { bot, who, conversationId } = await conversation();
    suite.sandbox.viber.setSubscribed(bot, who, false);
    const message = await reply(conversationId, 'Are you there?');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error: 'Viber: notSubscribed (status 6)',
    });
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(bot, who)).toEqual([]);
  });

  it('retries through an outage with back-off and sends once when Viber is back', async () => {
    const { bot, who, conversationId } = await conversation();
    await suite.sandbox.viber.faults.down('bad-gateway');
    const message = await reply(conversationId, 'Through the storm.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toMatchObject({ status: 'pending' });
    suite.clock.advance(5_000);
    expect(await deliver()).toBe(1);
    await suite.sandbox.viber.faults.up();
    suite.clock.advance(10_000);
    expect(await deliver()).toBe(1);
    expect(received(bot, who)).toEqual(['Through the storm.']);
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(bot, who)).toEqual(['Through the storm.']);
  });

  it('asks for the rating with a Viber keyboard and takes the button pressed, once', async () => {
    const { bot, who, conversationId } = await conversation({ rating: true });
    const closed = await suite.operator.ask<ChatAck<object>>('chat:close', { conversationId });
    expect(closed.ok).toBe(true);
    expect(await deliver()).toBe(1);
    const asked = suite.sandbox.viber.messages(bot, who.id).filter((m) => m.sender === 'bot');
    expect(asked.map((m) => m.text)).toEqual(['Как прошёл разговор?']);
    const buttons = (asked[0] as ViberChatMessage).keyboard?.Buttons ?? [];
    expect(buttons.map((b) => b.Text)).toEqual(['Отлично', 'Хорошо', 'Удовлетворительно', 'Плохо']);
    const body = (label: string) => buttons.find((b) => b.Text === label)?.ActionBody ?? '';
    const rated = suite.operator.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === conversationId && c.rating !== null,
    );
    suite.sandbox.viber.press(bot, who.id, body('Хорошо'));
    expect((await rated).rating).toBe('good');
    const again = suite.sandbox.viber.waitForEvent((e) => e.type === 'callback-delivered');
    suite.sandbox.viber.press(bot, who.id, body('Плохо'));
    await again;
    expect((await suite.t.platform.store.conversations.get(conversationId))?.rating).toBe('good');
  });

  it('shows a token Viber refuses as the status’s last error', async () => {
    const { widget } = await viberWidget(suite, { token: '0123456789abcdef-not-a-bot' });
    const marketer = await suite.t.signIn('marketer');
    await expect
      .poll(async () => (await marketer(`/v1/admin/widgets/${widget.id}/viber-status`)).json())
      .toMatchObject({
        mode: 'webhook',
        connected: false,
        lastError: 'Viber: invalidAuthToken (status 2)',
      });
  });
});
