/**
 * The demo trunk from the environment: the URL read (or refused, naming the variable), the trunk
 * added once with its password a write-only secret, the demo call widget falling back to a number.
 */
import type { CallSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrunkUrl, seedDemoTrunk } from '../../src/calls/demo-trunk';
import { seedDemo } from '../../src/demo/seed';
import { createStore } from '../../src/storage/store';
import { sqliteEngine, type TestDatabase } from '../support/databases';

describe('the demo trunk', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await sqliteEngine.open();
  });
  afterAll(() => database?.drop());

  it('reads DEMO_TRUNK_URL, and names it when it is wrong', () => {
    expect(parseTrunkUrl('sip://frontdesk:se%3Acret@127.0.0.1:5070?transport=tcp')).toEqual({
      host: '127.0.0.1',
      port: 5070,
      transport: 'tcp',
      username: 'frontdesk',
      password: 'se:cret',
    });
    expect(parseTrunkUrl('sip://u:p@pbx.example')).toMatchObject({ port: 5060, transport: 'udp' });
    for (const bad of [
      'pbx.example',
      'http://u:p@pbx.example',
      'sip://pbx.example:5060',
      'sip://u:p@pbx.example?transport=sctp',
    ]) {
      expect(() => parseTrunkUrl(bad), bad).toThrow(/^DEMO_TRUNK_URL /);
    }
  });

  it('adds the trunk once and sends the demo call widget’s fallback through it', async () => {
    const store = createStore(database);
    const { accountId } = await seedDemo(store, {
      sipDomain: 'sip.test',
      publicUrl: 'http://127.0.0.1:8080',
      now: 0,
    });
    const trunk = parseTrunkUrl('sip://frontdesk:demo-trunk-secret@127.0.0.1:5070');
    expect(await seedDemoTrunk(store, { accountId, trunk, now: 0 })).toBe(true);
    expect(await seedDemoTrunk(store, { accountId, trunk, now: 0 })).toBe(false);
    const [stored, ...more] = await store.trunks.list(accountId);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({
      host: '127.0.0.1',
      port: 5070,
      username: 'frontdesk',
      password: { set: true },
      destinations: ['7'],
    });
    expect(JSON.stringify(stored)).not.toContain('demo-trunk-secret');
    const settings = (await store.widgets.byKey('demo-call'))?.settings as CallSettings | undefined;
    expect(settings?.fallback).toEqual({
      kind: 'external',
      number: '+74951110001',
    });
  });
});
