/**
 * The demo's phone network (`npm start`): its numbers do what its banner says, and the trunk
 * account from the environment gets through the carrier (a wrong password does not).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NUMBERS, demoNetworkOptions } from '../src/demo-network';
import { type PhoneNetwork, startPhoneNetwork } from '../src/network';
import { digest, SipUdpClient } from './support/sip-udp';

const TRUNK = { username: 'shop', password: 'demo-network-test-password' };

describe('the demo phone network', () => {
  let dir: string;
  let network: PhoneNetwork;
  let client: SipUdpClient;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-network-'));
    // Its own options, on free ports instead of 5070 (which a running demo may hold).
    const {
      trunk: _,
      basePort: __,
      ...options
    } = demoNetworkOptions({
      PHONE_NETWORK_DIR: dir,
      PHONE_NETWORK_TRUNK_USER: TRUNK.username,
      PHONE_NETWORK_TRUNK_PASSWORD: TRUNK.password,
    });
    network = await startPhoneNetwork(options);
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    client = await SipUdpClient.open('127.0.0.1', { host: carrier.host, port: carrier.port });
  });
  afterAll(async () => {
    client?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** An INVITE to `number` through the carrier, answering its challenge with `password`. */
  async function call(number: string, password: string) {
    const uri = network.carrier?.uri(number) ?? '';
    const invite = {
      method: 'INVITE' as const,
      uri,
      from: '<sip:+74957770000@shop.test>',
      to: `<${uri}>`,
      callId: randomBytes(8).toString('hex'),
    };
    client.send({ ...invite, cseq: 1 });
    const challenge = await client.final(invite.callId, 1);
    const authenticate = challenge.headers.get('proxy-authenticate')?.[0] ?? '';
    client.send({
      ...invite,
      cseq: 2,
      headers: [
        `Proxy-Authorization: ${digest(authenticate, { ...TRUNK, password }, 'INVITE', uri)}`,
      ],
    });
    return (await client.final(invite.callId, 2)).status;
  }

  it('has the numbers its banner lists: one answers at once, one is busy', async () => {
    expect(network.phones.map((phone) => phone.number)).toEqual(
      DEMO_NUMBERS.map(({ spec }) => spec.number),
    );
    expect(await call('+74951110003', TRUNK.password)).toBe(486);
    expect(await call('+74951110001', TRUNK.password)).toBe(200);
    expect(network.phone('+74951110001').calls.at(-1)).toMatchObject({
      direction: 'incoming',
      peerUri: 'sip:+74957770000@shop.test',
    });
  });

  it('takes the trunk account of the environment only', async () => {
    expect(await call('+74951110003', 'not-the-password')).toBe(407);
  });

  it('refuses a port it cannot use', () => {
    expect(() => demoNetworkOptions({ PHONE_NETWORK_PORT: '80' })).toThrow(/PHONE_NETWORK_PORT/);
  });
});
