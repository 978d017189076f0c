/**
 * Toll-fraud and abuse guards, enforced by Kamailio itself (a browser cannot be trusted): what a
 * visitor credential may do, expiry, one credential per request (the one verified), the WebSocket
 * Origin check and its table kept current by the platform, operators limited to their lines.
 * Flood limits: kamailio.flood.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorUser, visitorUser } from '../../../src/calls/sip/credentials';
import {
  callCredentials,
  callWidget,
  type EdgePlatform,
  operatorAgent,
  operatorCredentials,
  startEdgePlatform,
  visitorAgent,
} from './edge-support';
import { type CredentialLines, HandshakeError, header, SipSocket, UserAgent } from './sip-client';

/** The HTTP status a refused handshake got, or 101 when it was accepted. */
async function handshake(url: string, origin?: string): Promise<number> {
  try {
    const socket = await SipSocket.connect(url, origin ? { origin } : {});
    await socket.close();
    return 101;
  } catch (error) {
    if (error instanceof HandshakeError) return error.statusCode;
    throw error;
  }
}

/**
 * A Digest credential header naming `user` that nobody verified: its response is made up. The
 * expiry is an hour ahead of the real clock, which Kamailio checks it against.
 */
function forged(name: 'Authorization' | 'Proxy-Authorization', user: string, realm = 'frontdesk') {
  const username = `${Math.floor(Date.now() / 1000) + 3600}:${user}`;
  return `${name}: Digest username="${username}", realm="${realm}", nonce="forged", uri="sip:forged.invalid", response="${'0'.repeat(32)}", algorithm=MD5`;
}

/** The real digest answer beside `extra`, in the order given ('answer' marks its place). */
function beside(...lines: (string | 'answer')[]): CredentialLines {
  return (answer) => (answer ? lines.map((line) => (line === 'answer' ? answer : line)) : []);
}

describe('guards of the SIP edge', () => {
  let p: EdgePlatform;

  beforeAll(async () => {
    p = await startEdgePlatform();
  }, 30_000);
  afterAll(async () => {
    await p?.close();
  });

  it('lets a visitor credential INVITE its own widget line only: any other line gets 403', async () => {
    const { t } = p;
    const mine = await callWidget(t);
    const other = await callWidget(t);
    const credentials = await callCredentials(t, mine);
    const visitor = await visitorAgent(credentials);
    for (const target of [
      `sip:${other.sipLine}`,
      `sip:${mine.sipLine?.split('@')[0]}@vpbx9999999.sip.test`,
      'sip:+74951234567@vpbx1000001.sip.test',
      'sip:operator@127.0.0.1',
    ]) {
      const placed = await visitor.invite(target);
      expect(placed.final.status, target).toBe(403);
    }
    await visitor.socket.close();
  });

  it('refuses an expired credential with 403, and a wrong password with a fresh challenge', async () => {
    const { t, edge } = p;
    const widget = await callWidget(t);
    const good = await callCredentials(t, widget);
    const expired = edge.mint(visitorUser(widget.key, 'expiredVisitor1'), Date.now() - 60_000);
    const visitor = await visitorAgent({ ...good, ...expired });
    const placed = await visitor.invite(good.target);
    expect(placed.final.status).toBe(403);
    expect(placed.final.reason).toMatch(/expired/i);

    const wrong = await visitorAgent({ ...good, password: 'not-the-password' });
    const refused = await wrong.invite(good.target);
    expect(refused.final.status).toBe(407);
    await visitor.socket.close();
    await wrong.socket.close();
  });

  it('refuses REGISTER with a visitor credential', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);
    const response = await visitor.register(credentials.target);
    expect(response.status).toBe(403);
    await visitor.socket.close();
  });

  it('checks the handshake Origin against the widget named in the URL', async () => {
    const { t, wsBase } = p;
    const widget = await callWidget(t);
    const url = `${wsBase}/sip/${widget.key}`;
    expect(await handshake(url, 'https://evil.example')).toBe(403);
    expect(await handshake(url, 'https://shop.example.evil.example')).toBe(403);
    expect(await handshake(url, 'http://shop.example')).toBe(403);
    expect(await handshake(url, 'null')).toBe(403);
    expect(await handshake(url, 'https://shop.example')).toBe(101);
    expect(await handshake(url, 'https://shop.example:443')).toBe(101);
    expect(await handshake(url, 'http://localhost:5173')).toBe(101);
    // The platform's own pages: the Test-widget page and the pop-out call window.
    expect(await handshake(url, t.url)).toBe(101);
    // Without Origin (not a browser), as the platform's public endpoints allow.
    expect(await handshake(url)).toBe(101);
    expect(await handshake(`${wsBase}/sip/no-such-widget`, 'https://shop.example')).toBe(404);
    expect(await handshake(`${wsBase}/elsewhere`)).toBe(404);
    // The operators' socket takes the console's origin (the platform's own) only.
    expect(await handshake(`${wsBase}/sip/ops`, 'https://shop.example')).toBe(403);
  });

  it('keeps the allowed origins current as the widget changes, and forgets a deleted widget', async () => {
    const { t, wsBase } = p;
    const widget = await callWidget(t);
    const url = `${wsBase}/sip/${widget.key}`;
    const admin = await t.signIn('admin');
    const patched = await admin(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        settings: { ...widget.settings, allowedOrigins: ['https://new-shop.example'] },
      }),
    });
    expect(patched.status).toBe(200);
    expect(await handshake(url, 'https://new-shop.example')).toBe(101);
    expect(await handshake(url, 'https://shop.example')).toBe(403);

    const paused = await admin(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ active: false }),
    });
    expect(paused.status).toBe(200);
    expect(await handshake(url, 'https://new-shop.example')).toBe(404);
    await admin(`/v1/admin/widgets/${widget.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ active: true }),
    });
    expect(await handshake(url, 'https://new-shop.example')).toBe(101);

    const deleted = await admin(`/v1/admin/widgets/${widget.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await handshake(url, 'https://new-shop.example')).toBe(404);
  });

  it("binds a visitor credential to its widget's WebSocket", async () => {
    const { t, wsBase } = p;
    const mine = await callWidget(t);
    const other = await callWidget(t);
    const credentials = await callCredentials(t, mine);
    // The other widget's WebSocket (its Origin passes there), with this widget's credential.
    const visitor = await visitorAgent({ ...credentials, wsUrl: `${wsBase}/sip/${other.key}` });
    const placed = await visitor.invite(credentials.target);
    expect(placed.final.status).toBe(403);
    // Nor over the operators' WebSocket.
    const socket = await SipSocket.connect(`${wsBase}/sip/ops`);
    const onOps = new UserAgent(socket, visitor.options);
    expect((await onOps.invite(credentials.target)).final.status).toBe(403);
    await visitor.socket.close();
    await socket.close();
  });

  it('relays no in-dialog request of a dialog it does not track', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);
    const spoof = (callId: string, route: string[]) =>
      [
        'BYE sip:victim@127.0.0.1:5060;transport=tcp SIP/2.0',
        `Via: SIP/2.0/WS spoof.invalid;branch=z9hG4bK${callId.length}${Date.now()};rport`,
        ...route,
        'Max-Forwards: 70',
        'From: <sip:a@vpbx1000001.sip.test>;tag=from1',
        'To: <sip:b@vpbx1000001.sip.test>;tag=to1',
        `Call-ID: ${callId}`,
        'CSeq: 7 BYE',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
    const answerTo = (callId: string) =>
      visitor.socket.next((m) => m.status !== undefined && header(m, 'call-id') === callId);
    visitor.socket.send(
      spoof('spoof-routed@test', [
        `Route: <sip:127.0.0.1:${p.edge.status().wsPort};transport=ws;lr>`,
      ]),
    );
    expect((await answerTo('spoof-routed@test')).status).toBe(403);
    visitor.socket.send(spoof('spoof-bare@test', []));
    expect((await answerTo('spoof-bare@test')).status).toBe(404);
    await visitor.socket.close();
  });

  it('lets operators register only the lines they serve, and place no calls', async () => {
    const { t } = p;
    const someoneElse = await t.addUser('operator', 'Other Operator');
    const theirs = await callWidget(t, { forwarding: { kind: 'employee', id: someoneElse.id } });
    const everyone = await callWidget(t, { forwarding: null });
    const op = await operatorCredentials(t);
    expect(op.lines.map((l) => l.widgetId)).toContain(everyone.id);
    expect(op.lines.map((l) => l.widgetId)).not.toContain(theirs.id);
    const operator = await operatorAgent(op);
    expect((await operator.register(`sip:${theirs.sipLine}`)).status).toBe(403);
    expect((await operator.register(`sip:${everyone.sipLine}`)).status).toBe(200);
    expect((await operator.register('sip:someone@vpbx1000001.sip.test')).status).toBe(403);
    expect((await operator.invite(`sip:${everyone.sipLine}`)).final.status).toBe(403);
    await operator.socket.close();

    // An operator credential is for /sip/ops only.
    const visitorSide = await callCredentials(t, everyone);
    const onVisitorSocket = await visitorAgent({
      ...visitorSide,
      username: op.username,
      password: op.password,
    });
    expect((await onVisitorSocket.register(`sip:${everyone.sipLine}`)).status).toBe(403);
    await onVisitorSocket.socket.close();
  });

  it("answers 400 to a REGISTER with a second credential: a visitor's cannot register a line as an operator", async () => {
    const { t, wsBase } = p;
    const widget = await callWidget(t, { forwarding: null });
    const visitorSide = await callCredentials(t, widget);
    // An operator id (every staff role sees them), under a visitor's verified credential.
    const asOperator = operatorUser(t.users.operator.id);
    const proxy = forged('Proxy-Authorization', asOperator);
    const authorization = forged('Authorization', asOperator, 'elsewhere');
    // An o. identity is only taken on the operators' WebSocket.
    const attacker = new UserAgent(await SipSocket.connect(`${wsBase}/sip/ops`), {
      uri: visitorSide.uri,
      username: visitorSide.username,
      password: visitorSide.password,
    });
    for (const [what, credentials] of [
      ['Authorization, forged Proxy-Authorization', beside('answer', proxy)],
      ['forged Proxy-Authorization, Authorization', beside(proxy, 'answer')],
      ['forged Authorization of another realm, Authorization', beside(authorization, 'answer')],
      ['Authorization, forged Authorization of another realm', beside('answer', authorization)],
    ] as const) {
      const response = await attacker.register(`sip:${widget.sipLine}`, { credentials });
      expect(response.status, what).toBe(400);
    }
    // Nobody took the line: the next visitor's call finds no one.
    const caller = await visitorAgent(await callCredentials(t, widget));
    expect((await caller.invite(visitorSide.target)).final.status).toBe(480);
    await caller.socket.close();
    await attacker.socket.close();
  });

  it("answers 400 to an INVITE with a second credential: an operator's or another widget's cannot call a line", async () => {
    const { t, wsBase } = p;
    const victim = await callWidget(t);
    const other = await callWidget(t);
    const asVisitor = visitorUser(victim.key, 'attacker1');
    const proxy = forged('Proxy-Authorization', asVisitor, 'elsewhere');
    const authorization = forged('Authorization', asVisitor);
    const toAuthorization = (answer: string) =>
      answer.replace(/^Proxy-Authorization:/, 'Authorization:');
    for (const [who, real] of [
      ['an operator', await operatorCredentials(t)],
      ["another widget's visitor", await callCredentials(t, other)],
    ] as const) {
      // The victim widget's WebSocket, where a v.<victim key> identity is taken.
      const attacker = new UserAgent(await SipSocket.connect(`${wsBase}/sip/${victim.key}`), {
        uri: real.uri,
        username: real.username,
        password: real.password,
      });
      for (const [what, credentials] of [
        [
          'forged Proxy-Authorization of another realm, Proxy-Authorization',
          beside(proxy, 'answer'),
        ],
        [
          'Proxy-Authorization, forged Proxy-Authorization of another realm',
          beside('answer', proxy),
        ],
        ['forged Authorization, Proxy-Authorization', beside(authorization, 'answer')],
        ['Proxy-Authorization, forged Authorization', beside('answer', authorization)],
        [
          'two Authorization',
          (answer: string | undefined) => (answer ? [authorization, toAuthorization(answer)] : []),
        ],
      ] as const) {
        const placed = await attacker.invite(`sip:${victim.sipLine}`, { credentials });
        expect(placed.final.status, `${who}: ${what}`).toBe(400);
      }
      await attacker.socket.close();
    }
  });
});
