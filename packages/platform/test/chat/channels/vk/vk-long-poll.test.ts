/**
 * VK's Bots Long Poll against the sandbox: the lease holder turns long poll on and reads each
 * user's message once, named by users.get, with the `ts` in the lease's cursor; VK's `failed` 1,
 * 2 and 3 are got over as documented (2 and 3 lose nothing the sandbox kept); a user's photo
 * comes with its caption and is fetched from its largest size's URL into the database, a place
 * reads as a map link; the first message from the site chat's hand-off link (`ref`) goes on
 * in the visitor's conversation, and the link works once.
 */
import type { ChatAck, ChatAttachmentUpdate, ChatMessage } from '@frontdesk/config';
import { samplePicture } from '@frontdesk/messenger-sandbox';
import { describe, expect, it } from 'vitest';
import { widgetMessages } from '../../../support/channels';
import { connectVisitor } from '../../../support/chat';
import { engines } from '../../../support/databases';
import { vkSuite, vkUser, vkWidget } from '../../../support/vk';

describe.each(engines)('VK long poll on $name', (engine) => {
  const suite = vkSuite(engine);

  it('turns long poll on and stores each message once, the user named by VK, the ts kept', async () => {
    const { widget, community, credential } = await vkWidget(suite);
    const { sandbox, operator, t } = suite;
    expect(sandbox.vk.delivery(community).longPoll).toEqual({
      enabled: true,
      events: ['message_new'],
      pending: 0,
    });
    const anna = vkUser(sandbox);
    sandbox.vk.write(community, anna, 'Hello from VK');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello from VK'),
    ).toMatchObject({ author: 'visitor', channel: 'vk' });
    sandbox.vk.write(community, anna, 'And again');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'And again');
    const [first] = await widgetMessages(t, widget);
    const conversation = await t.platform.store.conversations.get(first?.conversationId ?? '');
    const peers = await t.platform.store.channels.peers.ofVisitor(
      conversation?.visitorId ?? '',
      widget.id,
    );
    expect(peers).toMatchObject([
      { messenger: 'vk', externalId: String(anna.id), name: `${anna.firstName} ${anna.lastName}` },
    ]);
    // Both events read: the cursor is the ts to ask with next.
    const lease = await t.platform.store.channels.leases.status(credential);
    expect(lease?.lastUpdateAt).not.toBeNull();
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual([
      'Hello from VK',
      'And again',
    ]);
  });

  it('gets over failed 2 (new key) and 3 (new key and ts), and goes on after failed 1', async () => {
    const { widget, community } = await vkWidget(suite);
    const { sandbox, operator } = suite;
    const boris = vkUser(sandbox, 'Boris');
    for (const failed of [2, 3, 1] as const) {
      sandbox.vk.faults.longPollFails(community, failed);
      const polled = sandbox.vk.waitForEvent(
        (e) => e.type === 'long-poll' && e.community === community.screenName,
      );
      await polled;
      sandbox.vk.write(community, boris, `After failed ${failed}`);
      await operator.next<ChatMessage>('chat:message', (m) => m.text === `After failed ${failed}`);
    }
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual([
      'After failed 2',
      'After failed 3',
      'After failed 1',
    ]);
  });

  it('fetches a photo from VK into the database, its caption the text; a place is a map link', async () => {
    const { community } = await vkWidget(suite);
    const { sandbox, operator, t } = suite;
    const olga = vkUser(sandbox, 'Olga');
    const photo = samplePicture();
    sandbox.vk.send(community, olga, {
      type: 'photo',
      caption: 'Is this one in stock?',
      data: photo.toString('base64'),
    });
    const message = await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.text === '[photo] Is this one in stock?',
    );
    const [pending] = message.attachments ?? [];
    expect(pending).toMatchObject({ kind: 'image', status: 'pending' });
    const told = operator.next<ChatAttachmentUpdate>('chat:attachment');
    await t.platform.workers.fetchAttachments();
    expect((await told).attachment).toEqual({
      id: pending?.id,
      kind: 'image',
      name: null,
      status: 'stored',
      contentType: 'image/png',
      size: photo.length,
    });
    const data = await t.platform.store.channels.attachments.data(pending?.id ?? '');
    expect(data && Buffer.from(data).equals(photo)).toBe(true);
    sandbox.vk.send(community, olga, { type: 'location', latitude: 59.93, longitude: 30.31 });
    expect(
      (await operator.next<ChatMessage>('chat:message', (m) => m.text.startsWith('[location]')))
        .text,
    ).toBe('[location] https://www.openstreetmap.org/?mlat=59.93&mlon=30.31#map=17/59.93/30.31');
  });

  it("continues the site visitor's conversation from the hand-off link's ref, once", async () => {
    const { widget, community } = await vkWidget(suite);
    const { sandbox, operator, t } = suite;
    const visitor = await connectVisitor(t.url, { key: widget.key });
    const sent = await visitor.ask<ChatAck<{ message: ChatMessage }>>('send', {
      clientId: 'vk-handoff-1',
      text: 'Can we go on in VK?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const link = await visitor.ask<ChatAck<{ url: string }>>('handoff', { channel: 'vk' });
    if (!link.ok) throw new Error(link.error.message);
    const url = new URL(link.url);
    expect(url.pathname).toBe(`/vk/${community.screenName}`);
    const ref = url.searchParams.get('ref') ?? '';
    const anna = vkUser(sandbox);
    const note = operator.next<ChatMessage>(
      'chat:message',
      (m) => m.conversationId === sent.message.conversationId && m.author === 'system',
    );
    sandbox.vk.open(community, anna, ref);
    sandbox.vk.write(community, anna, 'Here I am');
    expect((await note).text).toBe(
      `The customer continued in VK as ${anna.firstName} ${anna.lastName}.`,
    );
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Here I am'),
    ).toMatchObject({ conversationId: sent.message.conversationId, channel: 'vk' });
    // The same link again, by someone else: it worked once.
    const boris = vkUser(sandbox, 'Boris');
    sandbox.vk.open(community, boris, ref);
    sandbox.vk.write(community, boris, 'Me too');
    expect(
      (await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Me too')).conversationId,
    ).not.toBe(sent.message.conversationId);
    visitor.socket.close();
  });
});
