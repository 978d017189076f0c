/**
 * Facebook's events against the sandbox, through a TLS front with a throwaway CA: the app's
 * callback URL verified (GET, the verify token), the page subscribed with its Page token; a
 * person's messages stored once by `mid` however often Facebook posts them, the person named as
 * the User Profile API says; a request without
 * the app secret's signature refused with 401, nothing stored; the hand-off's `ref`; Facebook
 * down while people write: their messages come once it is back, each stored once.
 */
import type { ChatAck, ChatMessage, ConversationDetail } from '@frontdesk/config';
import { facebookSignature } from '@frontdesk/messenger-sandbox';
import { describe, expect, it } from 'vitest';
import { widgetMessages } from '../../../support/channels';
import { connectVisitor } from '../../../support/chat';
import { engines } from '../../../support/databases';
import { facebookPerson, facebookSuite, facebookWidget } from '../../../support/facebook';

describe.each(engines)('Facebook webhooks on $name', (engine) => {
  const suite = facebookSuite(engine);

  const post = (body: string, signature?: string) =>
    suite.t.request('/v1/channels/facebook/webhook', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}),
      },
      body,
    });
  const event = (pageId: string, psid: string, mid: string, text: string) =>
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: pageId,
          time: 1_772_607_600_000,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: pageId },
              timestamp: 1_772_607_600_000,
              message: { mid, text },
            },
          ],
        },
      ],
    });

  it('answers the verification only with the verify token', async () => {
    const ask = (token: string) =>
      suite.t.request(
        `/v1/channels/facebook/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`,
      );
    const right = await ask('frontdesk-verify-token');
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('1158201444');
    expect((await ask('wrong')).status).toBe(403);
  });

  it('subscribes the page and stores each message once, by its mid', async () => {
    const { widget, page } = await facebookWidget(suite);
    const { sandbox, operator } = suite;
    expect(sandbox.facebook.subscribedFields(page)).toEqual([
      'messages',
      'messaging_postbacks',
      'messaging_referrals',
    ]);
    const anna = facebookPerson(sandbox);
    const sent = sandbox.facebook.write(page, anna, 'Hello from Messenger');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello from Messenger'),
    ).toMatchObject({ author: 'visitor', channel: 'facebook' });
    const again = event(page.id, anna.psid, sent.mid, 'Hello from Messenger');
    const response = await post(again, facebookSignature(again, sandbox.facebook.app.secret));
    expect(response.status).toBe(200);
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual([
      'Hello from Messenger',
    ]);
  });

  it('names a person by their Messenger name (the User Profile API), asked when they first write; by number when Facebook does not say', async () => {
    const { page } = await facebookWidget(suite);
    const { sandbox, operator } = suite;
    /** The name the console shows for the customer who wrote `text`. */
    const nameOf = async (text: string) => {
      const message = await operator.next<ChatMessage>('chat:message', (m) => m.text === text);
      const opened = await operator.ask<ChatAck<ConversationDetail>>('chat:open', {
        conversationId: message.conversationId,
      });
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.peers.map((peer) => peer.name);
    };
    const anna = facebookPerson(sandbox);
    sandbox.facebook.write(page, anna, 'Who am I?');
    expect(await nameOf('Who am I?')).toEqual([anna.name]);
    // Asked once: a new name on Messenger later is not asked for with every message.
    sandbox.facebook.person({ name: 'Anna Renamed', psid: anna.psid });
    sandbox.facebook.write(page, anna, 'Still me');
    expect(await nameOf('Still me')).toEqual([anna.name]);
    // A person the page's token cannot see (Graph's error 100): named by the end of the PSID.
    const stranger = event(page.id, '7300000000004321', 'm_stranger', 'From nowhere');
    const named = nameOf('From nowhere');
    const response = await post(stranger, facebookSignature(stranger, sandbox.facebook.app.secret));
    expect(response.status).toBe(200);
    expect(await named).toEqual(['Facebook customer 4321']);
  });

  it('refuses an event without the app secret’s signature with 401 and stores nothing', async () => {
    const { widget, page } = await facebookWidget(suite);
    const forged = event(page.id, '7399999999999999', 'm_forged', 'Forged');
    const right = facebookSignature(forged, suite.sandbox.facebook.app.secret);
    for (const signature of [
      undefined,
      '',
      right.slice(7),
      'sha256=00',
      facebookSignature(forged, 'another secret'),
    ]) {
      const response = await post(forged, signature);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Wrong or missing signature.' },
      });
    }
    expect((await post(forged.replace('Forged', 'Forged!'), right)).status).toBe(401);
    expect(await widgetMessages(suite.t, widget)).toEqual([]);
  });

  it('continues the site visitor’s conversation through the m.me link’s ref', async () => {
    const { widget, page } = await facebookWidget(suite);
    const { sandbox, operator, t } = suite;
    const visitor = await connectVisitor(t.url, { key: widget.key });
    const sent = await visitor.ask<ChatAck<{ message: ChatMessage }>>('send', {
      clientId: 'facebook-handoff-1',
      text: 'Can we go on in Messenger?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const link = await visitor.ask<ChatAck<{ url: string }>>('handoff', { channel: 'facebook' });
    if (!link.ok) throw new Error(link.error.message);
    const ref = new URL(link.url).searchParams.get('ref') ?? '';
    const anna = facebookPerson(sandbox);
    const note = operator.next<ChatMessage>(
      'chat:message',
      (m) => m.conversationId === sent.message.conversationId && m.author === 'system',
    );
    sandbox.facebook.open(page, anna, ref);
    expect((await note).text).toMatch(/^The customer continued in Facebook as /);
    sandbox.facebook.write(page, anna, 'Here I am');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Here I am'),
    ).toMatchObject({ conversationId: sent.message.conversationId, channel: 'facebook' });
    visitor.socket.close();
  });

  it('gets what people wrote while Facebook was down once it is back, each stored once', async () => {
    const { widget, page } = await facebookWidget(suite);
    const { sandbox, operator } = suite;
    await sandbox.facebook.faults.down('refused');
    const anna = facebookPerson(sandbox);
    const texts = ['First while down', 'Second while down'];
    for (const text of texts) sandbox.facebook.write(page, anna, text);
    const last = operator.next<ChatMessage>('chat:message', (m) => m.text === texts[1]);
    await sandbox.facebook.faults.up();
    await last;
    await expect.poll(() => sandbox.facebook.pending()).toBe(0);
    expect((await widgetMessages(suite.t, widget)).map((m) => m.text)).toEqual(texts);
  });
});
