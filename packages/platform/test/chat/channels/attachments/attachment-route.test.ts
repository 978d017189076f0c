/**
 * A customer's photo and file from Telegram (the messenger sandbox, polled by the platform), on
 * both engines: the message's text is there at once and its attachment pending; the attachments'
 * pass fetches it into the database; `GET /v1/chat/attachments/:id` serves it only to staff who
 * see the conversation (anonymous 401, a marketer 403, an operator it is not routed to 404),
 * with its checked type, `X-Content-Type-Options: nosniff`, a sandboxing CSP and
 * `Content-Disposition` (inline for a photo, a download under its encoded name for a file).
 */
import type {
  ChatAck,
  ChatAttachmentUpdate,
  ChatMessage,
  ConversationDetail,
} from '@frontdesk/config';
import { sampleDocument, samplePicture } from '@frontdesk/messenger-sandbox';
import type { User } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { eraseVisitorChats } from '../../../../src/chat/erase-visitors';
import { wireMessage } from '../../../../src/chat/wire';
import { customer, telegramSuite, telegramWidget } from '../../../support/channels';
import { engines } from '../../../support/databases';
import { connectOps } from '../../../support/ops-client';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)("customers' attachments served to staff on $name", (engine) => {
  const suite = telegramSuite(engine);
  let t: TestPlatform;
  let olga: User;
  beforeAll(async () => {
    t = suite.t;
    olga = await t.addUser('operator', 'Olga Attachments');
  });

  /** A bot routed to Olga, her console, a customer, and what the customer sends, as told her. */
  const sent = async (media: Parameters<typeof suite.stage.sandbox.telegram.send>[2]) => {
    const { bot } = await telegramWidget(t, suite.stage.sandbox, {
      receiver: { kind: 'employee', id: olga.id },
    });
    const ops = suite.keep(await connectOps(t, olga));
    const anna = customer(suite.stage.sandbox);
    suite.stage.sandbox.telegram.send(bot.username, anna, media);
    const message = await ops.next<ChatMessage>('chat:message', (m) => !!m.attachments);
    return { ops, message, id: message.attachments?.[0]?.id ?? '' };
  };

  it('keeps the text at once, fetches the photo after it, and serves it to whom may see it', async () => {
    const photo = samplePicture();
    const caption = '<img src=x onerror=alert(1)>';
    const { ops, message, id } = await sent({
      type: 'photo',
      caption,
      data: photo.toString('base64'),
    });
    expect(message.text).toBe(`[photo] ${caption}`);
    expect(message.attachments).toEqual([{ id, kind: 'image', name: null, status: 'pending' }]);
    const url = `/v1/chat/attachments/${id}`;
    const asOlga = await t.signIn(olga);
    expect((await asOlga(url)).status).toBe(404);

    const told = ops.next<ChatAttachmentUpdate>('chat:attachment');
    expect(await t.platform.workers.fetchAttachments()).toBe(1);
    const stored = {
      id,
      kind: 'image',
      name: null,
      status: 'stored',
      contentType: 'image/png',
      size: photo.length,
    };
    expect(await told).toEqual({
      conversationId: message.conversationId,
      messageId: message.id,
      seq: message.seq,
      attachment: stored,
    });
    expect(await t.platform.workers.fetchAttachments()).toBe(0);

    const served = await asOlga(url);
    expect(served.status).toBe(200);
    expect(Object.fromEntries(served.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(photo.length),
      'content-disposition': `inline; filename="attachment.png"; filename*=UTF-8''attachment.png`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=86400, immutable',
    });
    expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);

    // Staff only, and only those who see the conversation.
    const anonymous = await t.request(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('PNG');
    expect((await (await t.signIn('marketer'))(url)).status).toBe(403);
    const notRouted = await (await t.signIn('operator'))(url);
    expect(notRouted.status).toBe(404);
    expect(await notRouted.json()).toMatchObject({ error: { code: 'not_found', field: 'id' } });
    expect((await (await t.signIn('admin'))(url)).status).toBe(200);
    expect((await asOlga('/v1/chat/attachments/no-such-id')).status).toBe(404);

    // The console reads it with the conversation; a visitor's copy (a hand-off's tab) never.
    const opened = await ops.ask<ChatAck<ConversationDetail>>('chat:open', {
      conversationId: message.conversationId,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.messages.find((m) => m.id === message.id)?.attachments).toEqual([stored]);
    const [kept] = await t.platform.store.chatMessages.since(message.conversationId, 0, 10);
    if (!kept) throw new Error('no message');
    const shown = { showOperatorName: true, showOperatorPhoto: true };
    expect(wireMessage({ ...kept, attachments: [stored] as never }, shown)).not.toHaveProperty(
      'attachments',
    );
  });

  it('offers a file for download under its own name, safely encoded', async () => {
    const name = 'Счёт "март";\r\n.pdf';
    const { id } = await sent({
      type: 'file',
      fileName: name,
      data: sampleDocument().toString('base64'),
    });
    await t.platform.workers.fetchAttachments();
    const served = await (await t.signIn(olga))(`/v1/chat/attachments/${id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="____ _________.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it('serves a file whose bytes are a web page as opaque bytes to download', async () => {
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const { id } = await sent({
      type: 'file',
      fileName: 'invoice.html',
      mimeType: 'text/html',
      data: page.toString('base64'),
    });
    await t.platform.workers.fetchAttachments();
    const served = await (await t.signIn(olga))(`/v1/chat/attachments/${id}`);
    expect(served.headers.get('content-type')).toBe('application/octet-stream');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it("deletes the photo when the person's chats are erased", async () => {
    const { id, message } = await sent({ type: 'photo' });
    await t.platform.workers.fetchAttachments();
    const url = `/v1/chat/attachments/${id}`;
    const admin = await t.signIn('admin');
    expect((await admin(url)).status).toBe(200);
    const conversation = await t.platform.store.conversations.get(message.conversationId);
    if (!conversation) throw new Error('no conversation');
    // What erasing their contact does to the chat (contacts/erase-contact.ts).
    await suite.database.db
      .transaction()
      .execute((trx) => eraseVisitorChats(trx, t.accountId, [conversation.visitorId], '[erased]'));
    expect((await admin(url)).status).toBe(404);
    expect(await t.platform.store.channels.attachments.info(id)).toBeUndefined();
  });
});
