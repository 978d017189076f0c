/**
 * The `/chat` handshake over real sockets: which widgets and origins it refuses, the visitor token
 * it issues, and the limits on handshakes and new visitors per client address.
 */
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  chatWidget,
  connectVisitor,
  refusalOf,
  refusedWith,
  SHOP,
  type VisitorClient,
} from '../support/chat';
import { engines } from '../support/databases';
import { callbackWidget } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';
import { newAccount } from '../support/store-fixtures';

type Sent = ChatAck<{ message: ChatMessage }>;

let ids = 0;
/** A fresh client id. */
const cid = () => `handshake-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('/chat handshake on $name', (engine) => {
  let t: TestPlatform;
  let widget: Widget;

  const suite = socketSuite(engine);
  beforeAll(async () => {
    t = suite.t;
    widget = await chatWidget(t);
  });

  const visitor = async (visitorToken?: string, key = widget.key): Promise<VisitorClient> => {
    const client = await connectVisitor(t.url, { key, ...(visitorToken ? { visitorToken } : {}) });
    suite.keep(client);
    return client;
  };
  const send = (client: VisitorClient, text: string, clientId = cid()) =>
    client.ask<Sent>('send', { clientId, text });

  it('refuses unknown and inactive widgets, foreign origins and widgets that are no chat', async () => {
    const inactive = await chatWidget(t);
    await t.platform.store.widgets.update(inactive.id, { active: false, now: t.clock().getTime() });
    const callback = await callbackWidget(t);
    expect(await refusedWith(t.url, { key: 'no-such-widget' })).toBe('widget_not_found');
    expect(await refusedWith(t.url, { key: inactive.key })).toBe('widget_not_found');
    expect(await refusedWith(t.url, { key: widget.key }, 'https://evil.example')).toBe(
      'origin_not_allowed',
    );
    expect(await refusedWith(t.url, { key: callback.key })).toBe('not_a_chat');
    expect(await refusedWith(t.url, { key: 'bad key!' })).toBe('invalid');
    // The platform's own pages (the Test-widget page) may open it.
    const own = await connectVisitor(t.url, { key: widget.key }, t.url);
    suite.keep(own);
    expect(own.welcome.visitorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('issues a token once, and a known token is the same visitor; stores only its hash', async () => {
    const first = await visitor();
    const { visitorToken } = first.welcome;
    expect(first.welcome).toEqual({
      visitorToken,
      conversation: null,
      working: true,
      presence: 'nobody',
      contact: null,
    });
    const sent = await send(first, 'Hello');
    if (!sent.ok) throw new Error(sent.error.message);
    const again = await visitor(visitorToken);
    expect(again.welcome.visitorToken).toBe(visitorToken);
    expect(again.welcome.conversation).toMatchObject({
      id: sent.message.conversationId,
      status: 'open',
      lastSeq: 1,
    });
    const stored = await suite.database.db
      .selectFrom('chat_visitors')
      .select('token_hash')
      .execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(visitorToken);
    // Another chat of the account knows the same visitor (one identity per account)…
    const other = await chatWidget(t);
    const elsewhere = await visitor(visitorToken, other.key);
    expect(elsewhere.welcome.visitorToken).toBe(visitorToken);
    expect(elsewhere.welcome.conversation?.id).toBe(sent.message.conversationId);
    // …a chat of another account does not: a new visitor with a token of its own.
    const stranger = await t.platform.store.widgets.create({
      accountId: (await newAccount(t.platform.store)).id,
      type: 'chat',
      name: 'Another company',
      settings: widget.settings,
      now: t.clock().getTime(),
    });
    const abroad = await visitor(visitorToken, stranger.key);
    expect(abroad.welcome.visitorToken).not.toBe(visitorToken);
    expect(abroad.welcome.conversation).toBeNull();
  });
});

describe.each(engines)('/chat per-address limits on $name', (engine) => {
  const HANDSHAKES = 8;
  const NEW_VISITORS = 3;
  let t: TestPlatform;
  let widget: Widget;

  const suite = socketSuite(engine, {
    limits: { chatHandshakesPerMinute: HANDSHAKES, chatVisitorsPerMinute: NEW_VISITORS },
  });
  beforeAll(async () => {
    t = suite.t;
    widget = await chatWidget(t);
  });

  /** A visitor from `localAddress` (another loopback address is another client). */
  const from = async (localAddress: string, visitorToken?: string) => {
    const client = await connectVisitor(
      t.url,
      { key: widget.key, ...(visitorToken ? { visitorToken } : {}) },
      SHOP,
      { localAddress },
    );
    suite.keep(client);
    return client;
  };

  it('refuses new visitors, then any handshake, past their limits from one address; others go on', async () => {
    const first = await from('127.0.0.2');
    for (let i = 1; i < NEW_VISITORS; i++) await from('127.0.0.2');
    expect(await refusedWith(t.url, { key: widget.key }, SHOP, { localAddress: '127.0.0.2' })).toBe(
      'rate_limited',
    );
    // A visitor the platform knows still comes back, until the handshakes run out too.
    const { visitorToken } = first.welcome;
    for (let i = NEW_VISITORS + 1; i < HANDSHAKES; i++) await from('127.0.0.2', visitorToken);
    expect(
      await refusalOf(t.url, { key: widget.key, visitorToken }, SHOP, {
        localAddress: '127.0.0.2',
      }),
    ).toEqual({
      code: 'rate_limited',
      data: {
        message: expect.stringMatching(
          /^Too many connections from your address; try again in \d+ s\.$/,
        ),
      },
    });
    // Another address is another count.
    expect((await from('127.0.0.3')).welcome.visitorToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = await suite.database.db.selectFrom('chat_visitors').select('id').execute();
    expect(stored).toHaveLength(NEW_VISITORS + 1);
  });
});
