/**
 * The per-address limits count the client behind the trusted proxies (TRUST_PROXY), by one rule
 * over HTTP and the socket.io handshakes. The platform here trusts 127.0.0.1 alone: requests from
 * it are "the proxy" and say the client in X-Forwarded-For; requests from 127.0.0.2 and the like
 * (loopback too) are clients connecting directly.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, trustRule } from '../../src/http/client-address';
import { chatWidget, SHOP } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { callbackWidget } from '../support/orders';
import { PASSWORD, startPlatform, type TestPlatform } from '../support/platform';

const PROXY = '127.0.0.1';

describe('clientAddress', () => {
  const rule = trustRule(['10.0.0.0/8', '192.0.2.1']);

  it('reads X-Forwarded-For from the right while the hops are trusted proxies', () => {
    const via = (peer: string, forwardedFor: string) =>
      clientAddress(peer, { 'x-forwarded-for': forwardedFor }, rule);
    expect(via('192.0.2.1', '203.0.113.5')).toBe('203.0.113.5');
    expect(via('192.0.2.1', '203.0.113.5, 10.1.2.3')).toBe('203.0.113.5');
    // A client's own forged entries left of an untrusted hop do not count.
    expect(via('192.0.2.1', '198.51.100.1, 203.0.113.5')).toBe('203.0.113.5');
    expect(via('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(clientAddress('192.0.2.1', {}, rule)).toBe('192.0.2.1');
    expect(clientAddress('192.0.2.1', { 'x-forwarded-for': '203.0.113.5' }, trustRule([]))).toBe(
      '192.0.2.1',
    );
  });
});

describe.each(engines)('limits per client address behind a proxy on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, {
      env: { TRUST_PROXY: PROXY },
      limits: {
        loginPerIp: 3,
        loginFailuresPerEmailAndIp: 2,
        ordersPerIp: 1,
        callCredentialsPerIp: 1,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /**
   * POSTs JSON from the local address `from`, saying X-Forwarded-For `forwardedFor`; from the
   * shop's page (`/v1/widgets/…`) or the platform's own (sign-in).
   */
  function post(
    path: string,
    body: unknown,
    from: string,
    forwardedFor?: string,
  ): Promise<{ status: number; body: { error?: { code: string } } }> {
    const url = new URL(path, t.url);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        url,
        {
          method: 'POST',
          localAddress: from,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            origin: path.startsWith('/v1/widgets/') ? SHOP : t.url,
            ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            text += chunk;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : {} }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(JSON.stringify(body));
    });
  }

  const signIn = (password: string, from: string, forwardedFor?: string) =>
    post('/v1/auth/login', { email: 'operator@test.example', password }, from, forwardedFor);
  const statuses = async (...answers: Promise<{ status: number }>[]) =>
    (await Promise.all(answers.map(async (answer) => (await answer).status))).join(' ');

  it('count sign-ins per client behind the proxy', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await statuses(signIn(PASSWORD, PROXY, '198.51.100.1'))).toBe('200');
    }
    const limited = await signIn(PASSWORD, PROXY, '198.51.100.1');
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // Another client through the same proxy has a budget of its own.
    expect(await statuses(signIn(PASSWORD, PROXY, '198.51.100.2'))).toBe('200');
  });

  it('count a direct client by its own address, whatever X-Forwarded-For it forges', async () => {
    for (const forged of ['198.51.100.3', '198.51.100.4', '198.51.100.5']) {
      expect(await statuses(signIn(PASSWORD, '127.0.0.2', forged))).toBe('200');
    }
    expect(await statuses(signIn(PASSWORD, '127.0.0.2', '198.51.100.12'))).toBe('429');
  });

  it('lock an e-mail out after failed sign-ins from that address only', async () => {
    expect(
      await statuses(
        signIn('wrong', PROXY, '198.51.100.6'),
        signIn('wrong', PROXY, '198.51.100.6'),
      ),
    ).toBe('401 401');
    // The third attempt is within the address's sign-ins (3): the failures refuse it.
    expect(await statuses(signIn(PASSWORD, PROXY, '198.51.100.6'))).toBe('429');
    // The user, elsewhere, still signs in: through the proxy, or directly.
    expect(await statuses(signIn(PASSWORD, PROXY, '198.51.100.7'))).toBe('200');
    expect(await statuses(signIn(PASSWORD, '127.0.0.3'))).toBe('200');
  });

  it('count callback orders and call credentials per client behind the proxy', async () => {
    const widget = await callbackWidget(t);
    const order = (phone: string, client: string) =>
      post(`/v1/widgets/${widget.key}/callbacks`, { phone, now: true }, PROXY, client);
    expect(await statuses(order('+79991230011', '198.51.100.8'))).toBe('201');
    expect(await statuses(order('+79991230012', '198.51.100.8'))).toBe('429');
    expect(await statuses(order('+79991230013', '198.51.100.9'))).toBe('201');

    // A callback widget takes no calls (422), but asking counts first.
    const credentials = (client: string) =>
      post(`/v1/widgets/${widget.key}/call-credentials`, {}, PROXY, client);
    expect(await statuses(credentials('198.51.100.10'))).toBe('422');
    expect(await statuses(credentials('198.51.100.10'))).toBe('429');
    expect(await statuses(credentials('198.51.100.11'))).toBe('422');
  });

  it('give the socket.io handshakes of /chat and /ops the client address', async () => {
    const widget = await chatWidget(t);
    const { cookie } = await t.session('operator');
    /** The address the server's socket of a handshake from `from` (saying `forwardedFor`) has. */
    const handshakeAddress = async (
      namespace: '/chat' | '/ops',
      from: string,
      forwardedFor: string,
    ) => {
      const socket = io(`${t.url}${namespace}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        localAddress: from,
        auth: { key: widget.key },
        extraHeaders: {
          origin: namespace === '/chat' ? SHOP : t.url,
          cookie,
          'x-forwarded-for': forwardedFor,
        },
      } as Parameters<typeof io>[1]);
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        const served = await t.platform.io.of(namespace).fetchSockets();
        return served.find((s) => s.id === socket.id)?.handshake.address;
      } finally {
        socket.close();
      }
    };
    expect(await handshakeAddress('/chat', PROXY, '203.0.113.20')).toBe('203.0.113.20');
    expect(await handshakeAddress('/chat', '127.0.0.2', '203.0.113.21')).toBe('127.0.0.2');
    expect(await handshakeAddress('/ops', PROXY, '203.0.113.22')).toBe('203.0.113.22');
    expect(await handshakeAddress('/ops', '127.0.0.2', '203.0.113.23')).toBe('127.0.0.2');
  });
});
