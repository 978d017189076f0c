/**
 * Trunks that register with their provider (the uac module), against the phone network's carrier,
 * which demands digest auth and accepts a trunk's credentials or refuses them. The admin API tells
 * where each registration stands, read from Kamailio (`uac.reg_dump`, and the reason it logged).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdminTrunk, TrunksAnswer } from '@frontdesk/config';
import { type PhoneNetwork, startPhoneNetwork } from '@frontdesk/phone-network';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgePlatform, eventually, startEdgePlatform } from './edge-support';

const ACCOUNT = { username: 'frontdesk-reg', password: 'registering-trunk-password' };

describe('trunks that register', () => {
  let p: EdgePlatform;
  let network: PhoneNetwork;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdesk-trunk-reg-'));
    // The carrier knows the trunk's account with another password: it refuses the registration.
    network = await startPhoneNetwork({
      dir,
      numbers: [],
      carrier: {
        trunks: [{ ...ACCOUNT, password: 'the-carrier-expects-another' }],
        realm: 'carrier.test',
      },
    });
    p = await startEdgePlatform();
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('registers with digest auth, telling the admin API where it stands: refused credentials, then registered; the password never in a log', async () => {
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    const admin = await p.t.signIn('admin');
    const send = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
    const fields = {
      host: carrier.host,
      port: carrier.port,
      transport: 'udp',
      username: ACCOUNT.username,
      password: ACCOUNT.password,
      destinations: ['375'],
    };
    const added = await admin(
      '/v1/admin/trunks',
      send({ ...fields, name: 'Registering', register: true }),
    );
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as AdminTrunk;
    await admin('/v1/admin/trunks', send({ ...fields, name: 'Not registering' }));
    const registrations = async () =>
      Object.fromEntries(
        ((await (await admin('/v1/admin/trunks')).json()) as TrunksAnswer).trunks.map((t) => [
          t.name,
          t.registration,
        ]),
      );
    // The carrier answers the digest with 401 again: the credentials were refused.
    expect(
      await eventually(registrations, (r) => r.Registering?.state === 'failed', 20_000),
    ).toEqual({
      Registering: { state: 'failed', reason: 'credentials', sipCode: null },
      'Not registering': { state: 'off' },
    });
    expect(await carrier.registered(ACCOUNT.username)).toBe(false);
    // The carrier takes them now: the edge's next try (every 30 s at most) registers.
    await carrier.addTrunk(ACCOUNT);
    expect(
      await eventually(registrations, (r) => r.Registering?.state === 'registered', 45_000),
    ).toMatchObject({ Registering: { state: 'registered' } });
    expect(await carrier.registered(ACCOUNT.username)).toBe(true);
    for (const file of [p.edge.logFile, p.edge.mediaLogFile]) {
      expect(await readFile(file, 'utf8')).not.toContain(ACCOUNT.password);
    }
    await p.t.platform.store.trunks.delete(id);
  }, 90_000);
});
