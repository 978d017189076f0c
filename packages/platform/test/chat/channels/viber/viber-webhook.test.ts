/**
 * Viber's callbacks against the sandbox, through a TLS front with a throwaway CA: the lease
 * holder sets the webhook at the platform's https route (the sandbox's signed check answered);
 * a customer's messages arrive and are stored once however often Viber posts them (by
 * `message_token`, a 64-bit number); a request without the right signature is refused with
 * 401 and stores nothing; Viber down while customers write: their messages come once it is back,
 * each stored once.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatAck, ChatMessage, ChatSettings, ConversationDetail } from '@frontdesk/config';
import { viberSignature } from '@frontdesk/messenger-sandbox';
import { describe, expect, it } from 'vitest';
import { widgetMessages } from '../../../support/channels';
import { connectVisitor } from '../../../support/chat';
import { engines } from '../../../support/databases';
import { viberSuite, viberUser, viberWidget } from '../../../support/viber';

describe.each(engines)('Viber webhooks on $name', (engine) => {
  const suite = viberSuite(engine);

  /** Posts `body` (JSON text) to the bot's webhook, with `signature` when given. */
  const post = (credential: string, body: string, signature?: string) =>
    suite.t.request(`/v1/channels/viber/${credential.slice('viber:'.length)}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature !== undefined ? { 'x-viber-content-signature': signature } : {}),
      },
      body,
    });

  it('sets the webhook at the https route and stores each message once, by its token', async () => {
    const { widget, bot, credential } = await viberWidget(suite);
    const { sandbox, operator, front } = suite;
    expect(sandbox.viber.webhook(bot).url).toBe(
      `${front.url}/v1/channels/viber/${credential.slice(6)}/webhook`,
    );
    const anna = viberUser(sandbox);
    const delivered = sandbox.viber.waitForEvent(
      (e) => e.type === 'callback-delivered' && e.event === 'message',
    );
    const sent = sandbox.viber.write(bot, anna, 'Hello from Viber');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello from Viber'),
    ).toMatchObject({ author: 'visitor', channel: 'viber' });
    await delivered;
    // The token is past 2^53: stored with every digit.
    expect(await suite.t.platform.store.channels.inbound.has(credential, sent.token)).toBe(true);

    // Viber posts it again (our answer lost on the way): confirmed, not stored again.
    const again = JSON.stringify({
      event: 'message',
      timestamp: 1_772_607_600_000,
      chat_hostname: 'SN-CHAT-01_',
      sender: { id: anna.id, name: anna.name, language: 'en', country: 'GB', api_version: 10 },
      message: { type: 'text', text: 'Hello from Viber' },
    }).replace('{', `{"message_token":${sent.token},`);
    const response = await post(credential, again, viberSignature(again, bot.token));
    expect(response.status).toBe(200);
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual([
      'Hello from Viber',
    ]);
    // The peer carries Viber's name for the customer.
    const [message] = await widgetMessages(suite.t, widget);
    const conversation = await suite.t.platform.store.conversations.get(
      message?.conversationId ?? '',
    );
    const peers = await suite.t.platform.store.channels.peers.ofVisitor(
      conversation?.visitorId ?? '',
      widget.id,
    );
    expect(peers).toMatchObject([{ messenger: 'viber', externalId: anna.id, name: anna.name }]);
  });

  it('refuses a callback without the right signature with 401 and stores nothing', async () => {
    const { widget, bot, credential } = await viberWidget(suite);
    const forged = JSON.stringify({
      event: 'message',
      timestamp: 1_772_607_600_000,
      message_token: 5_000_000_000_000_001,
      sender: { id: 'mallory0000000000000000==', name: 'Mallory' },
      message: { type: 'text', text: 'Forged' },
    });
    const right = viberSignature(forged, bot.token);
    const other = viberSignature(forged, `${bot.token}x`);
    for (const signature of [undefined, '', 'zz', other, right.slice(2)]) {
      const response = await post(credential, forged, signature);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Wrong or missing signature.' },
      });
    }
    // Signed for another body: refused too.
    const response = await post(credential, forged.replace('Forged', 'Forged!'), right);
    expect(response.status).toBe(401);
    expect(await widgetMessages(suite.t, widget)).toEqual([]);
  });

  it('never fetches a file a signed callback names outside Viber’s media hosts: it fails, saying why', async () => {
    // Whoever knows the bot's token (the company's admin typed it in) can sign a callback: one
    // naming an address inside the platform's network must not be read into an attachment.
    const { bot, credential } = await viberWidget(suite);
    const asked: string[] = [];
    const inside = createServer((request, response) => {
      asked.push(request.url ?? '');
      response.end('secret');
    });
    await new Promise<void>((done) => inside.listen(0, '127.0.0.1', done));
    try {
      const port = (inside.address() as AddressInfo).port;
      const mallory = viberUser(suite.sandbox, 'Mallory');
      const sources = [
        `http://127.0.0.1:${port}/latest/meta-data/`,
        // A media host's name in another host's: not Viber's.
        `https://dl-media.viber.com.127.0.0.1.nip.io:${port}/`,
      ];
      for (const [i, media] of sources.entries()) {
        const body = JSON.stringify({
          event: 'message',
          timestamp: 1_772_607_600_000,
          chat_hostname: 'SN-CHAT-01_',
          sender: {
            id: mallory.id,
            name: mallory.name,
            language: 'en',
            country: 'GB',
            api_version: 10,
          },
          message: { type: 'file', media, file_name: `creds${i}.txt`, size: 6 },
        }).replace('{', `{"message_token":${5_000_000_000_000_100 + i},`);
        expect((await post(credential, body, viberSignature(body, bot.token))).status).toBe(200);
      }
      const message = await suite.operator.next<ChatMessage>(
        'chat:message',
        (m) => m.text === '[file creds1.txt]',
      );
      expect(await suite.t.platform.workers.fetchAttachments()).toBe(2);
      const opened = await suite.operator.ask<ChatAck<ConversationDetail>>('chat:open', {
        conversationId: message.conversationId,
      });
      if (!opened.ok) throw new Error(opened.error.message);
      const refused = 'Viber named a file address the platform does not fetch from.';
      expect(opened.messages.flatMap((m) => m.attachments ?? [])).toEqual([
        {
          id: expect.any(String),
          kind: 'file',
          name: 'creds0.txt',
          status: 'failed',
          error: refused,
        },
        {
          id: expect.any(String),
          kind: 'file',
          name: 'creds1.txt',
          status: 'failed',
          error: refused,
        },
      ]);
      expect(asked).toEqual([]);
    } finally {
      await new Promise((done) => inside.close(done));
    }
  });

  it('refuses the callbacks of a replaced token or a deleted widget from the next request on', async () => {
    const { widget, bot, credential } = await viberWidget(suite);
    const { t } = suite;
    const settings = widget.settings as ChatSettings;
    const viber = settings.channels.viber as NonNullable<ChatSettings['channels']['viber']>;
    const withToken = (botToken: string): ChatSettings => ({
      ...settings,
      channels: { ...settings.channels, viber: { ...viber, botToken } },
    });
    /** Posts Carol's message `n`, signed with the bot's token; the answer's status. */
    const write = async (n: number) => {
      const body = JSON.stringify({
        event: 'message',
        timestamp: 1_772_607_600_000,
        message_token: 5_000_000_000_000_100 + n,
        sender: { id: 'carol0000000000000000000==', name: 'Carol' },
        message: { type: 'text', text: `Callback ${n}` },
      });
      return (await post(credential, body, viberSignature(body, bot.token))).status;
    };
    expect(await write(1)).toBe(200);
    // Written through the store, as another platform process would: no word reaches this one
    // but the database, and the very next callback is refused.
    await t.platform.store.widgets.update(widget.id, {
      settings: withToken('a-token-of-another-bot'),
      now: t.clock().getTime(),
    });
    expect(await write(2)).toBe(401);
    await t.platform.store.widgets.update(widget.id, {
      settings: withToken(bot.token),
      now: t.clock().getTime(),
    });
    expect(await write(3)).toBe(200);
    await t.platform.store.widgets.softDelete(widget.id, {
      reason: null,
      now: t.clock().getTime(),
    });
    expect(await write(4)).toBe(401);
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual([
      'Callback 1',
      'Callback 3',
    ]);
  });

  it('gets what customers wrote while Viber was down once it is back, each stored once', async () => {
    const { widget, bot } = await viberWidget(suite);
    const { sandbox, operator } = suite;
    await sandbox.viber.faults.down('refused');
    const anna = viberUser(sandbox);
    const texts = ['First while down', 'Second while down', 'Third while down'];
    for (const text of texts) sandbox.viber.write(bot, anna, text);
    expect(sandbox.viber.webhook(bot).pending).toBe(3);
    const last = operator.next<ChatMessage>('chat:message', (m) => m.text === texts[2]);
    await sandbox.viber.faults.up();
    await last;
    await expect.poll(() => sandbox.viber.webhook(bot).pending).toBe(0);
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual(texts);
  });

  it("continues the site visitor's conversation in Viber through the link's context, once", async () => {
    const { widget, bot } = await viberWidget(suite);
    const { sandbox, operator, t } = suite;
    const visitor = await connectVisitor(t.url, { key: widget.key });
    const sent = await visitor.ask<ChatAck<{ message: ChatMessage }>>('send', {
      clientId: 'viber-handoff-1',
      text: 'Can we go on in Viber?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const link = await visitor.ask<ChatAck<{ url: string }>>('handoff', { channel: 'viber' });
    if (!link.ok) throw new Error(link.error.message);
    const url = new URL(link.url.replace('viber://pa?', 'https://viber.invalid/pa?'));
    expect(url.searchParams.get('chatURI')).toBe(bot.uri);
    const context = url.searchParams.get('context') ?? '';
    const anna = viberUser(sandbox);
    const note = operator.next<ChatMessage>(
      'chat:message',
      (m) => m.conversationId === sent.message.conversationId && m.author === 'system',
    );
    sandbox.viber.open(bot, anna, context);
    expect((await note).text).toBe(`The customer continued in Viber as ${anna.name}.`);
    sandbox.viber.write(bot, anna, 'Here I am');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Here I am'),
    ).toMatchObject({ conversationId: sent.message.conversationId, channel: 'viber' });
    // The same link again, by someone else: it worked once.
    const boris = viberUser(sandbox, 'Boris');
    sandbox.viber.open(bot, boris, context);
    sandbox.viber.write(bot, boris, 'Me too');
    expect(
      (await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Me too')).conversationId,
    ).not.toBe(sent.message.conversationId);
    visitor.socket.close();
  });
});
