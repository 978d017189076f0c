import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInvite } from '../../src/carrier/carrier';
import { type PhoneNetwork, startPhoneNetwork } from '../../src/network';
import { digest, SipUdpClient } from '../support/sip-udp';

const TRUNK = { username: 'acme', password: 'trunk-secret' };

describe('the carrier', () => {
  let dir: string;
  let network: PhoneNetwork;
  let client: SipUdpClient;
  const carrier = () => {
    if (!network.carrier) throw new Error('no carrier');
    return network.carrier;
  };
  const callId = () => randomBytes(8).toString('hex');

  /** An INVITE to `number` that answers the carrier's challenge with `password`. */
  async function authenticatedInvite(number: string, password: string, headers: string[] = []) {
    const id = callId();
    const uri = carrier().uri(number);
    const invite = {
      method: 'INVITE' as const,
      uri,
      from: '"Acme Ltd" <sip:+74950000000@trunk.test>',
      to: `<${uri}>`,
      callId: id,
      headers,
    };
    client.send({ ...invite, cseq: 1 });
    const challenge = await client.final(id, 1);
    expect(challenge.status).toBe(407);
    const authenticate = challenge.headers.get('proxy-authenticate')?.[0] ?? '';
    const authorization = digest(authenticate, { ...TRUNK, password }, 'INVITE', uri);
    client.send({
      ...invite,
      cseq: 2,
      headers: [...headers, `Proxy-Authorization: ${authorization}`],
    });
    return client.final(id, 2);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carrier-'));
    network = await startPhoneNetwork({
      dir,
      numbers: [
        { number: '2001', answer: 'busy' },
        { number: '2002', credentials: TRUNK },
        { number: '2003', answer: 'busy' },
      ],
      carrier: { trunks: [TRUNK], realm: 'carrier.test' },
    });
    client = await SipUdpClient.open('127.0.0.1', { host: '127.0.0.1', port: carrier().port });
  });
  afterAll(async () => {
    client?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('challenges an INVITE without credentials (407, its realm) and rings nobody', async () => {
    const id = callId();
    const uri = carrier().uri('2001');
    client.send({
      method: 'INVITE',
      uri,
      from: '<sip:x@127.0.0.1>',
      to: `<${uri}>`,
      callId: id,
      cseq: 1,
    });
    const response = await client.final(id, 1);
    expect(response.status).toBe(407);
    expect(response.headers.get('proxy-authenticate')?.[0]).toMatch(
      /^Digest realm="carrier\.test"/,
    );
    expect(network.phone('2001').events.some((event) => event.type === 'CALL_INCOMING')).toBe(
      false,
    );
  });

  it('challenges a wrong password again, and never relays it', async () => {
    const response = await authenticatedInvite('2001', 'not-the-password');
    expect(response.status).toBe(407);
    expect(network.phone('2001').events.some((event) => event.type === 'CALL_INCOMING')).toBe(
      false,
    );
    expect(await carrier().invites()).toEqual([]);
  });

  it('relays an authenticated INVITE and records the caller id it presented', async () => {
    const response = await authenticatedInvite('2003', TRUNK.password, [
      'P-Asserted-Identity: "Shop" <sip:+74951234567@trunk.test>',
    ]);
    // 2003 is busy: its answer comes back through the carrier.
    expect(response.status).toBe(486);
    const incoming = await network.phone('2003').waitFor('CALL_INCOMING');
    expect(incoming.peerUri).toBe('sip:+74950000000@trunk.test');
    expect(incoming.peerName).toBe('Acme Ltd');
    const invites = await carrier().invites();
    expect(invites).toEqual([
      {
        seq: 1,
        trunk: 'acme',
        number: '2003',
        fromUri: 'sip:+74950000000@trunk.test',
        fromName: '"Acme Ltd"',
        assertedIdentity: '"Shop" <sip:+74951234567@trunk.test>',
        callId: incoming.callId,
      },
    ]);
  });

  it('refuses RPC without its secret', async () => {
    const response = await fetch(`http://127.0.0.1:${carrier().port + 2}/RPC`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'htable.dump', params: ['trunks'], id: 1 }),
    });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(TRUNK.password);
  });

  it('answers 404 for a number it does not have', async () => {
    expect((await authenticatedInvite('2999', TRUNK.password)).status).toBe(404);
  });

  it('lets a trunk register with digest auth (401 first), under its own name only', async () => {
    const uri = `sip:127.0.0.1:${carrier().port}`;
    const register = async (user: string) => {
      const id = callId();
      const request = {
        method: 'REGISTER' as const,
        uri,
        from: `<sip:${user}@127.0.0.1>`,
        to: `<sip:${user}@127.0.0.1>`,
        callId: id,
        headers: ['Expires: 60'],
      };
      client.send({ ...request, cseq: 1 });
      const challenge = await client.final(id, 1);
      expect(challenge.status).toBe(401);
      const authenticate = challenge.headers.get('www-authenticate')?.[0] ?? '';
      client.send({
        ...request,
        cseq: 2,
        headers: [
          ...request.headers,
          `Authorization: ${digest(authenticate, TRUNK, 'REGISTER', uri)}`,
        ],
      });
      return client.final(id, 2);
    };
    expect(await carrier().registered('acme')).toBe(false);
    expect((await register('someone-else')).status).toBe(403);
    expect((await register('acme')).status).toBe(200);
    expect(await carrier().registered('acme')).toBe(true);
  });

  it('down: answers every request 503, and takes calls again once up', async () => {
    const caller = network.phone('2002');
    await carrier().setDown(true);
    try {
      await caller.dial(carrier().uri('2001'));
      expect((await caller.waitFor('CALL_CLOSED')).param).toMatch(/^503 /);
      expect(network.phone('2001').calls).toHaveLength(0);
    } finally {
      await carrier().setDown(false);
    }
    await caller.dial(carrier().uri('2001'));
    expect((await caller.waitFor('CALL_CLOSED')).param).toMatch(/^486 /);
    expect(network.phone('2001').calls).toHaveLength(1);
  });

  it('stopped: refuses connections, and after a start routes calls again', async () => {
    await carrier().stop();
    expect(carrier().running()).toBe(false);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(carrier().port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refused).toBe('ECONNREFUSED');
    await carrier().start();
    const caller = network.phone('2002');
    await caller.dial(carrier().uri('2003'));
    expect((await caller.waitFor('CALL_CLOSED')).param).toMatch(/^486 /);
  });
});

describe('parseInvite', () => {
  it('decodes the base64 values Kamailio recorded', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    expect(
      parseInvite(
        `{"seq":3,"trunk":"${b64('acme')}","number":"${b64('1001')}","fromUri":"${b64('sip:1@x')}","fromName":"${b64('"Тест" \\\'')}","assertedIdentity":"","callId":"${b64('abc')}"}`,
      ),
    ).toEqual({
      seq: 3,
      trunk: 'acme',
      number: '1001',
      fromUri: 'sip:1@x',
      fromName: '"Тест" \\\'',
      assertedIdentity: '',
      callId: 'abc',
    });
  });
});
