/**
 * Flood limits of the SIP edge, enforced by Kamailio: calls per credential, requests and WebSocket
 * handshakes per client address, X-Forwarded-For believed from trusted proxies only. Every test
 * holds the counters in a window of its own (htable win, over RPC): counts are exact, wherever the
 * real minute falls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  callCredentials,
  callWidget,
  type EdgePlatform,
  eventually,
  startEdgePlatform,
  visitorAgent,
} from './edge-support';
import { HandshakeError, SipSocket } from './sip-client';

/** The HTTP status a refused handshake got, or 101 when it was accepted. */
async function handshake(
  url: string,
  options: Parameters<typeof SipSocket.connect>[1] = {},
): Promise<number> {
  try {
    const socket = await SipSocket.connect(url, options);
    await socket.close();
    return 101;
  } catch (error) {
    if (error instanceof HandshakeError) return error.statusCode;
    throw error;
  }
}

/** An integer item of one of Kamailio's htables. */
async function item(p: EdgePlatform, table: string, key: string): Promise<number | undefined> {
  const answer = (await p.edge.rpc('htable.get', [table, key]).catch(() => undefined)) as
    | { item?: { value?: unknown } }
    | undefined;
  const value = answer?.item?.value;
  return typeof value === 'number' ? value : undefined;
}

/** The trusted proxy: another loopback address, so that the tests can also connect from outside it. */
const PROXY = '127.0.0.2';

describe('flood limits of the SIP edge', () => {
  let p: EdgePlatform;
  let window = 0;

  beforeAll(async () => {
    p = await startEdgePlatform({
      tuning: { handshakesPerMinute: 8, floodRequestsPer10s: 12, callsPerCredentialPerMinute: 2 },
      trustedProxies: [`${PROXY}/32`],
    });
  }, 30_000);
  afterAll(async () => {
    await p?.close();
  });
  /** A window of its own for every test: its counts start at nothing, and no clock moves it. */
  async function nextWindow(): Promise<void> {
    window += 1;
    await p.edge.rpc('htable.seti', ['win', 'pin', window]);
  }
  beforeEach(nextWindow);

  it('limits calls per credential, requests per IP, then handshakes per IP', async () => {
    const { t } = p;
    const widget = await callWidget(t);
    const credentials = await callCredentials(t, widget);
    const visitor = await visitorAgent(credentials);
    // Nobody registered: 480 twice, then the credential's calls are used up for the minute.
    expect((await visitor.invite(credentials.target)).final.status).toBe(480);
    expect((await visitor.invite(credentials.target)).final.status).toBe(480);
    expect((await visitor.invite(credentials.target)).final.status).toBe(503);
    // Each call takes two requests, the challenged INVITE and the answered one (the ACKs of the
    // edge's own stateless replies never reach the script): three more calls spend the per-IP
    // budget of 12 requests in 10 s, and Kamailio drops the 13th unanswered.
    for (let call = 4; call <= 6; call++) {
      expect((await visitor.invite(credentials.target)).final.status, `call ${call}`).toBe(503);
    }
    await expect(visitor.invite(credentials.target, { timeoutMs: 1_000 })).rejects.toThrow(
      /no reply to INVITE/,
    );
    await visitor.socket.close();

    // 8 handshakes a minute, the visitor's own above the first.
    for (let i = 2; i <= 8; i++) expect(await handshake(credentials.wsUrl), `#${i}`).toBe(101);
    expect(await handshake(credentials.wsUrl)).toBe(429);
    // The next window starts afresh.
    await nextWindow();
    expect(await handshake(credentials.wsUrl)).toBe(101);
  });

  it('counts a forged X-Forwarded-For against its sender, and believes the trusted proxy', async () => {
    const { t, wsBase } = p;
    const url = `${wsBase}/sip/${(await callWidget(t)).key}`;
    // Not a proxy: a new address claimed every time changes nothing, the sender has eight.
    for (let i = 1; i <= 8; i++) {
      const claimed = { 'x-forwarded-for': `198.51.100.${i}` };
      expect(await handshake(url, { headers: claimed }), `#${i}`).toBe(101);
    }
    expect(await handshake(url, { headers: { 'x-forwarded-for': '198.51.100.9' } })).toBe(429);

    // The trusted proxy speaks for its clients: the address it appended has eight of its own
    // (none spent above), whatever the client claimed before it.
    const forwarded = { 'x-forwarded-for': '203.0.113.5, 198.51.100.7' };
    for (let i = 1; i <= 8; i++) {
      expect(await handshake(url, { localAddress: PROXY, headers: forwarded }), `#${i}`).toBe(101);
    }
    expect(await handshake(url, { localAddress: PROXY, headers: forwarded })).toBe(429);
    // Another client behind the proxy is not held back, nor is the proxy itself.
    const another = { 'x-forwarded-for': '198.51.100.8' };
    expect(await handshake(url, { localAddress: PROXY, headers: another })).toBe(101);
    expect(await handshake(url, { localAddress: PROXY })).toBe(101);
  });

  it("moves the windows with the clock when no test holds them (Kamailio's timer)", async () => {
    const before = Date.now();
    await p.edge.rpc('htable.delete', ['win', 'pin']);
    await p.edge.rpc('htable.seti', ['win', 'm', 0]);
    await p.edge.rpc('htable.seti', ['win', 's10', 0]);
    // The timer runs every second: the windows are soon back to the clock's.
    const windows = await eventually(
      async () => ({ m: await item(p, 'win', 'm'), s10: await item(p, 'win', 's10') }),
      ({ m, s10 }) => m !== 0 && s10 !== 0,
    );
    const after = Date.now();
    // Set by the timer after `before`, read before `after`.
    expect(windows.m).toBeGreaterThanOrEqual(Math.floor(before / 60_000));
    expect(windows.m).toBeLessThanOrEqual(Math.floor(after / 60_000));
    expect(windows.s10).toBeGreaterThanOrEqual(Math.floor(before / 10_000));
    expect(windows.s10).toBeLessThanOrEqual(Math.floor(after / 10_000));
  });
});
