/**
 * Operators' replies to VK users through the replies' outbox, against the sandbox's faults:
 * delivered once with a random_id derived from our message id (a second send of the same reply
 * — a crash after VK took it — is dropped by VK); a text over 4,096 characters in two messages;
 * 9 (flood control) waited out on the platform's clock and sent once; 901 failed with the reason,
 * never retried; an outage retried until VK is back, sent once; typing shown; the rating as an
 * inline keyboard whose button rates once; a token VK refuses (5), or revokes, fails the replies
 * and shows in the Studio's status.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { VkCommunity, VkUser } from '@frontdesk/messenger-sandbox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_VK_TEXT,
  VK_FLOOD_WAIT_MS,
  vkAdapter,
  vkRandomId,
} from '../../../../src/chat/channels/vk/vk-adapter';
import { engines } from '../../../support/databases';
import { operatorReplies } from '../../../support/operator-replies';
import { vkSuite, vkUser, vkWidget } from '../../../support/vk';

describe('the random_id of a reply', () => {
  it('is a non-zero int32, the same for the same message and part, another for another', () => {
    const id = vkRandomId('0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8b', 0);
    expect(Number.isInteger(id) && id !== 0 && Math.abs(id) <= 2 ** 31).toBe(true);
    expect(vkRandomId('0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8b', 0)).toBe(id);
    expect(vkRandomId('0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8b', 1)).not.toBe(id);
    expect(vkRandomId('0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8c', 0)).not.toBe(id);
  });
});

describe.each(engines)('replies to VK on $name', (engine) => {
  const suite = vkSuite(engine);
  afterEach(() => suite.sandbox.vk.faults.clear());
  const { cid, reply, delivery, deliver } = operatorReplies(suite, 'vk');

  /** A new community and user, and the conversation the user's first message opened. */
  const conversation = async (site?: { rating: boolean }) => {
    const { community, widget } = await vkWidget(suite, site ? { site } : {});
    const who = vkUser(suite.sandbox);
    const text = `Question ${cid()}`;
    suite.sandbox.vk.write(community, who, text);
    const first = await suite.operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    return { community, widget, who, conversationId: first.conversationId };
  };
  const received = (community: VkCommunity, who: VkUser) =>
    suite.sandbox.vk
      .messages(community, who.id)
      .filter((m) => m.from === 'community')
      .map((m) => m.text);

  it("delivers an operator's reply once, even when the same reply is sent again", async () => {
    const { community, widget, who, conversationId } = await conversation();
    const message = await reply(conversationId, 'Yes, on Sundays too.');
    expect(message).toMatchObject({ channel: 'vk', delivery: { status: 'pending' } });
    expect(await deliver()).toBe(1);
    expect(received(community, who)).toEqual(['Yes, on Sundays too.']);
    expect(await delivery(conversationId, message.id)).toEqual({ status: 'sent' });
    expect(await deliver()).toBe(0);
    // A process that died after VK took it sends it again: VK drops the repeat.
    const adapter = vkAdapter(suite.t.platform.store, suite.sandbox.vk.apiUrl);
    const again = await adapter.send({
      messageId: message.id,
      conversationId,
      seq: message.seq,
      messenger: 'vk',
      widgetId: widget.id,
      externalId: String(who.id),
      text: 'Yes, on Sundays too.',
      keyboard: null,
      attempts: 2,
      createdAt: suite.clock().getTime(),
    });
    expect(again.status).toBe('sent');
    expect(received(community, who)).toEqual(['Yes, on Sundays too.']);
  });

  it('sends a reply over 4,096 characters as two messages', async () => {
    const { community, who, conversationId } = await conversation();
    const long = `${'a'.repeat(MAX_VK_TEXT)}b`;
    // The chat protocol caps a reply at 4,000: an auto-reply or a platform text may be longer.
    const adapter = vkAdapter(suite.t.platform.store, suite.sandbox.vk.apiUrl);
    const stored = await suite.t.platform.store.conversations.get(conversationId);
    if (!stored) throw new Error('no conversation');
    const sent = await adapter.send({
      messageId: 'long-reply',
      conversationId,
      seq: 9,
      messenger: 'vk',
      widgetId: stored.widgetId,
      externalId: String(who.id),
      text: long,
      keyboard: null,
      attempts: 1,
      createdAt: suite.clock().getTime(),
    });
    expect(sent.status).toBe('sent');
    expect(received(community, who)).toEqual(['a'.repeat(MAX_VK_TEXT), 'b']);
  });

  it('waits after flood control (9) on the platform’s clock and sends once, in order', async () => {
    const { community, who, conversationId } = await conversation();
    suite.sandbox.vk.faults.rateLimit(10, 9);
    const first = await reply(conversationId, 'One moment…');
    const second = await reply(conversationId, 'Here it is.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, first.id)).toEqual({
      status: 'pending',
      error: 'VK: Flood control (error 9)',
    });
    suite.clock.advance(VK_FLOOD_WAIT_MS - 1_000);
    expect(await deliver()).toBe(0);
    suite.clock.advance(1_000);
    expect(await deliver()).toBe(2);
    expect(received(community, who)).toEqual(['One moment…', 'Here it is.']);
    expect(await delivery(conversationId, second.id)).toEqual({ status: 'sent' });
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(community, who)).toEqual(['One moment…', 'Here it is.']);
  });

  it('fails a reply to a user who forbade the community’s messages (901), never retried', async () => {
    const { community, who, conversationId } = await conversation();
    suite.sandbox.vk.allow(community, who, false);
    const message = await reply(conversationId, 'Are you there?');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error: "VK: Can't send messages for users without permission (error 901)",
    });
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
    expect(received(community, who)).toEqual([]);
  });

  it('retries through an outage with back-off and sends once when VK is back', async () => {
    const { community, who, conversationId } = await conversation();
    await suite.sandbox.vk.faults.down('bad-gateway');
    const message = await reply(conversationId, 'Through the storm.');
    expect(await deliver()).toBe(1);
    expect(await delivery(conversationId, message.id)).toMatchObject({ status: 'pending' });
    suite.clock.advance(5_000);
    expect(await deliver()).toBe(1);
    await suite.sandbox.vk.faults.up();
    suite.clock.advance(10_000);
    expect(await deliver()).toBe(1);
    expect(received(community, who)).toEqual(['Through the storm.']);
    suite.clock.advance(600_000);
    expect(await deliver()).toBe(0);
  });

  it('shows the operator typing with messages.setActivity', async () => {
    const { community, who, widget } = await conversation();
    const typing = suite.sandbox.vk.waitForEvent((e) => e.type === 'typing' && e.userId === who.id);
    const adapter = vkAdapter(suite.t.platform.store, suite.sandbox.vk.apiUrl);
    const [peer] = await suite.t.platform.store.channels.peers.ofVisitor(
      (await suite.t.platform.store.conversations.list(suite.t.accountId, 'open', 1000)).find(
        (c) => c.widgetId === widget.id,
      )?.visitorId ?? '',
      widget.id,
    );
    if (!peer) throw new Error('no peer');
    const asked = vi.spyOn(globalThis, 'fetch');
    try {
      await adapter.typing(peer);
      expect(await typing).toEqual({
        type: 'typing',
        community: community.screenName,
        userId: who.id,
      });
      // An adapter is made per typing signal: the community's id is still asked only once
      // (groups.getById shares the community's rate limit with the replies).
      await vkAdapter(suite.t.platform.store, suite.sandbox.vk.apiUrl).typing(peer);
      const methods = asked.mock.calls
        .map(([url]) => String(url).split('/method/')[1])
        .filter((method) => method === 'groups.getById' || method === 'messages.setActivity');
      expect(methods).toEqual(['groups.getById', 'messages.setActivity', 'messages.setActivity']);
    } finally {
      asked.mockRestore();
    }
  });

  it('asks for the rating with an inline keyboard and takes the button pressed, once', async () => {
    const { community, who, conversationId } = await conversation({ rating: true });
    const closed = await suite.operator.ask<ChatAck<object>>('chat:close', { conversationId });
    expect(closed.ok).toBe(true);
    expect(await deliver()).toBe(1);
    const [asked] = suite.sandbox.vk
      .messages(community, who.id)
      .filter((m) => m.from === 'community');
    expect(asked?.text).toBe('Как прошёл разговор?');
    const buttons = asked?.keyboard ?? [];
    expect(buttons.map((b) => b.label)).toEqual([
      'Отлично',
      'Хорошо',
      'Удовлетворительно',
      'Плохо',
    ]);
    const payload = (label: string) => buttons.find((b) => b.label === label)?.payload ?? '';
    const rated = suite.operator.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === conversationId && c.rating !== null,
    );
    suite.sandbox.vk.press(community, who.id, payload('Хорошо'));
    expect((await rated).rating).toBe('good');
    const polled = suite.sandbox.vk.waitForEvent((e) => e.type === 'long-poll' && e.ts > 3);
    suite.sandbox.vk.press(community, who.id, payload('Плохо'));
    await polled;
    expect((await suite.t.platform.store.conversations.get(conversationId))?.rating).toBe('good');
  });

  it('shows a token VK refuses (5) as the status’s last error', async () => {
    const { widget } = await vkWidget(suite, { token: 'vk1.a.a-token-vk-never-gave-out' });
    const marketer = await suite.t.signIn('marketer');
    await expect
      .poll(async () => (await marketer(`/v1/admin/widgets/${widget.id}/vk-status`)).json())
      .toMatchObject({
        mode: 'polling',
        connected: false,
        lastError: 'VK: User authorization failed: invalid access_token (4). (error 5)',
      });
  });

  it('fails replies and shows the status broken when VK revokes the community’s token (5)', async () => {
    const { community, widget, conversationId } = await conversation();
    suite.sandbox.vk.faults.revokeToken(community);
    const message = await reply(conversationId, 'Still there?');
    expect(await deliver()).toBe(1);
    const refused = 'VK: User authorization failed: invalid access_token (4). (error 5)';
    expect(await delivery(conversationId, message.id)).toEqual({
      status: 'failed',
      error: refused,
    });
    // The long poll takes no token: the poller tries it every third of the lease.
    suite.clock.advance(10_000);
    const marketer = await suite.t.signIn('marketer');
    await expect
      .poll(async () => (await marketer(`/v1/admin/widgets/${widget.id}/vk-status`)).json())
      .toMatchObject({ connected: false, lastError: refused });
  });
});
