import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PhoneNetwork, startPhoneNetwork } from '../src/network';
import { dominantFrequency, hasTone } from '../src/tone/goertzel';

const TRUNK = { username: 'frontdesk', password: 's3cret-trunk' };

describe('a phone network on one machine', () => {
  let dir: string;
  let network: PhoneNetwork;
  const carrier = () => {
    if (!network.carrier) throw new Error('no carrier');
    return network.carrier;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'phone-network-'));
    network = await startPhoneNetwork({
      dir,
      numbers: [
        { number: '1001', displayName: 'Alice', credentials: TRUNK },
        { number: '1002' },
        { number: '1003', answer: 'busy' },
        { number: '1004', answer: 'manual' },
        { number: '1005', answer: { afterSeconds: 1 } },
        { number: '1006' },
        { number: '1007', credentials: { username: TRUNK.username, password: 'wrong' } },
      ],
      carrier: { trunks: [TRUNK] },
      // Calls end on their own when the answering phone's tone ends: no test waits on a clock.
      toneSeconds: 3,
    });
  });
  afterAll(async () => {
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('gives each phone a tone of its own', () => {
    const tones = network.phones.map((phone) => phone.toneHz);
    expect(new Set(tones).size).toBe(tones.length);
  });

  it('connects two phones through the carrier with digest auth; each hears the other', async () => {
    const alice = network.phone('1001');
    const bob = network.phone('1002');
    await alice.dial(carrier().uri('1002'));
    await alice.waitFor('CALL_ESTABLISHED');
    const incoming = await bob.waitFor('CALL_ESTABLISHED');
    expect(incoming.direction).toBe('incoming');
    await Promise.all([alice.waitFor('CALL_CLOSED'), bob.waitFor('CALL_CLOSED')]);

    expect(bob.calls).toEqual([
      expect.objectContaining({
        direction: 'incoming',
        peerUri: alice.uri,
        peerName: 'Alice',
        established: true,
      }),
    ]);
    const [invite] = await carrier().invites();
    expect(invite).toMatchObject({ trunk: 'frontdesk', number: '1002', fromUri: alice.uri });
    expect(invite?.callId).toBe(incoming.callId);

    const heardByAlice = await alice.lastRecording();
    const heardByBob = await bob.lastRecording();
    if (!heardByAlice || !heardByBob) throw new Error('a phone recorded nothing');
    expect(await hasTone(heardByAlice, bob.toneHz)).toBe(true);
    expect(await hasTone(heardByBob, alice.toneHz)).toBe(true);
    expect(await hasTone(heardByAlice, alice.toneHz)).toBe(false);
    expect(await dominantFrequency(heardByBob)).toBe(alice.toneHz);
  });

  it('a busy number rejects with 486', async () => {
    const alice = network.phone('1001');
    await alice.dial(carrier().uri('1003'));
    expect((await alice.waitFor('CALL_CLOSED')).param).toMatch(/^486 /);
    expect(network.phone('1003').calls).toEqual([
      expect.objectContaining({ direction: 'incoming', established: false }),
    ]);
  });

  it('a number nobody answers rings until the caller gives up', async () => {
    const alice = network.phone('1001');
    const nobody = network.phone('1004');
    await alice.dial(carrier().uri('1004'));
    await alice.waitFor('CALL_RINGING');
    await nobody.waitFor('CALL_INCOMING');
    await alice.hangup();
    expect((await nobody.waitFor('CALL_CLOSED')).param).not.toMatch(/^\d{3} /);
    expect(nobody.calls).toEqual([expect.objectContaining({ established: false })]);
    expect(await nobody.recordings()).toEqual([]);
  });

  it('a manual number picks up on answer()', async () => {
    const caller = network.phone('1006');
    const callee = network.phone('1004');
    // Straight to the phone, without the carrier.
    await caller.dial(callee.uri);
    await callee.waitFor('CALL_INCOMING');
    await callee.answer();
    await caller.waitFor('CALL_ESTABLISHED');
    await caller.waitFor('CALL_CLOSED');
    expect(callee.calls.at(-1)).toMatchObject({ peerUri: caller.uri, established: true });
  });

  it('a number set to answer after a while answers on its own', async () => {
    const alice = network.phone('1001');
    await alice.dial(carrier().uri('1005'));
    await alice.waitFor('CALL_RINGING');
    await alice.waitFor('CALL_ESTABLISHED');
    await alice.waitFor('CALL_CLOSED');
    expect(network.phone('1005').calls).toEqual([expect.objectContaining({ established: true })]);
  });

  it('a phone with a wrong trunk password does not get through the carrier', async () => {
    const mallory = network.phone('1007');
    await mallory.dial(carrier().uri('1006'));
    expect((await mallory.waitFor('CALL_CLOSED')).param).toMatch(/^407 /);
    expect(network.phone('1006').calls.filter((call) => call.direction === 'incoming')).toEqual([]);
  });
});

describe('startPhoneNetwork refuses', () => {
  it('a number twice, a number that is not one, a host not on loopback, ports taken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'phone-network-'));
    try {
      await expect(
        startPhoneNetwork({ dir, numbers: [{ number: '1' }, { number: '1' }], carrier: false }),
      ).rejects.toThrow(/there twice/);
      await expect(
        startPhoneNetwork({ dir, numbers: [{ number: 'alice' }], carrier: false }),
      ).rejects.toThrow(/Not a phone number/);
      await expect(
        startPhoneNetwork({ dir, host: '0.0.0.0', numbers: [{ number: '1' }], carrier: false }),
      ).rejects.toThrow(/loopback only/);
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      const address = taken.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      try {
        await expect(
          startPhoneNetwork({ dir, numbers: [{ number: '1' }], basePort: port - 4 }),
        ).rejects.toThrow(/not all free/);
      } finally {
        taken.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
