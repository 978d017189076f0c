/**
 * Operators' replies to Messenger customers through the replies' outbox, against the sandbox's
 * Graph API: delivered; typing shown; 613 waited out on the platform's clock and sent once; an
 * outage retried with back-off and sent once; 551
 * failed with Facebook's words, never retried; outside the 24-hour window failed with the reason
 * — or, for a page with the Human Agent permission, sent with the HUMAN_AGENT tag; the rating as
 * quick replies, the one tapped rating the conversation.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { FacebookPage, FacebookPerson } from '@frontdesk/messenger-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { FACEBOOK_RATE_LIMIT_WAIT_MS } from '../../../../src/chat/channels/facebook/facebook-adapter';
import { engines } from '../../../support/databases';
import { facebookPerson, facebookSuite, facebookWidget } from '../../../support/facebook';
import { operatorReplies } from '../../../support/operator-replies';
import { connectOps } from '../../../support/ops-client';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(engines)('replies to Facebook on $name', (engine) => {
  const suite = facebookSuite(engine);
  afterEach(() => suite.sandbox.facebook.faults.clear());
  const { cid, reply, delivery, deliver } = operatorReplies(suite, 'facebook');

  const conversation = async (options: { rating?: boolean; humanAgent?: boolean } = {}) => {
    const { page } = await facebookWidget(suite, {
      ...(options.rating ? { site: { rating: true } } : {}),
      ...(options.humanAgent ? { humanAgent: true } : {}),
    });
    const who = facebookPerson(suite.sandbox);
    const text = `Question ${cid()}`;
    suite.sandbox.facebook.write(page, who, text);
    const first = await suite.operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    return { page, who, conversationId: first.conversationId };
  };
  const received = (page: FacebookPage, who: FacebookPerson) =>
    suite.sandbox.facebook
      .messages(page, who.psid)
      .filter((m) => m.sender === 'page')
      .map((m) => (m.tag ? `${m.text} [${m.tag}]` : m.text));
  /** `ms` later: the operator signs in again (a session lasts 12 hours). */
  const later = async (ms: number) => {
    suite.clock.advance(ms);
    suite.operator.socket.close();
    suite.operator = await connectOps(suite.t, 'operator');
  };

  it('delivers a reply and shows the operator typing', async () => {
    const { page, who, conversationId } = await conversation();
    const typing = suite.sandbox.facebook.waitForEvent((e) => e.type === 'typing');
    suite.operator.socket.emit('chat:typing', { conversationId, typing: true });
    expect(await typing).toMatchObject({ page: page.id, psid: who.psid });
    const message = await reply(conversationId, 'Yes, we do.');
    expect(await deliver()).toBe(1);
    expect(received(page, who)).toEqual(['Yes, we do.']);
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'sent' });
  });

  it('waits after 613 on the platform’s clock and sends once', async () => {
    const { page, who, conversationId } = await conversation();
    suite.sandbox.facebook.faults.rateLimit(10);
    const message = await reply(conversationId, 'One moment…');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'pending',
      error: 'Facebook: (#613) Calls to this api have exceeded the rate limit.',
    });
    suite.clock.advance(FACEBOOK_RATE_LIMIT_WAIT_MS);
    expect(await deliver()).toBe(1);
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(page, who)).toEqual(['One moment…']);
  });

  it('retries through an outage with back-off and sends once when Facebook is back', async () => {
    const { page, who, conversationId } = await conversation();
    await suite.sandbox.facebook.faults.down('bad-gateway');
    const message = await reply(conversationId, 'Through the storm.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toMatchObject({ status: 'pending' });
    suite.clock.advance(5_000);
    expect(await deliver()).toBe(1);
    await suite.sandbox.facebook.faults.up();
    suite.clock.advance(10_000);
    expect(await deliver()).toBe(1);
    expect(received(page, who)).toEqual(['Through the storm.']);
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(page, who)).toEqual(['Through the storm.']);
  });

  it('fails a reply to a person not available (551), never retried', async () => {
    const { page, who, conversationId } = await conversation();
    suite.sandbox.facebook.faults.unavailable(who.psid);
    const message = await reply(conversationId, 'Are you there?');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error: "Facebook: (#551) This person isn't available right now.",
    });
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(page, who)).toEqual([]);
  });

  it('refuses a reply outside the 24-hour window with the reason shown', async () => {
    const { page, who, conversationId } = await conversation();
    await later(DAY_MS + 60_000);
    const message = await reply(conversationId, 'Sorry for the wait.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error:
        'Outside the 24-hour window: the customer must write first. Facebook: (#10) This message is sent outside of allowed window.',
    });
    expect(received(page, who)).toEqual([]);
  });

  it('sends with the HUMAN_AGENT tag after the window when the page has the permission', async () => {
    const { page, who, conversationId } = await conversation({ humanAgent: true });
    await later(3 * DAY_MS);
    await reply(conversationId, 'Sorry for the wait.');
    expect(await deliver()).toBe(1);
    expect(received(page, who)).toEqual(['Sorry for the wait. [HUMAN_AGENT]']);
  });

  it('asks for the rating with quick replies and takes the one tapped', async () => {
    const { page, who, conversationId } = await conversation({ rating: true });
    const closed = await suite.operator.ask<ChatAck<object>>('chat:close', { conversationId });
    expect(closed.ok).toBe(true);
    expect(await deliver()).toBe(1);
    const [question] = suite.sandbox.facebook
      .messages(page, who.psid)
      .filter((m) => m.sender === 'page');
    expect(question?.quickReplies?.map((r) => r.title)).toEqual([
      'Отлично',
      'Хорошо',
      'Удовлетворительно',
      'Плохо',
    ]);
    const payload = question?.quickReplies?.find((r) => r.title === 'Отлично')?.payload ?? '';
    const rated = suite.operator.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === conversationId && c.rating !== null,
    );
    suite.sandbox.facebook.tap(page, who.psid, payload);
    expect((await rated).rating).toBe('excellent');
  });
});
