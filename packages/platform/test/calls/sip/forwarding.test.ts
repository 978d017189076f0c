/** The forwarding scheme as stages Kamailio rings: consoles, phones, the fallback. */
import { type CallSettings, defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/accounts/account-records';
import { encodePlan, forwardingPlan } from '../../../src/calls/sip/forwarding';
import type { Store } from '../../../src/storage/store';
import { createStore } from '../../../src/storage/store';
import type { Widget } from '../../../src/widgets/widget-records';
import { sqliteEngine, type TestDatabase } from '../../support/databases';
import { newAccount, newUser } from '../../support/store-fixtures';

const T0 = 1_772_600_000_000;
const FACTS = { online: true, open: true, fallbackMs: 60_000 };

describe('forwarding plans', () => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  let trunkId: string;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    database = await sqliteEngine.open();
    store = createStore(database);
    account = await newAccount(store);
    const trunk = await store.trunks.create({
      accountId: account.id,
      name: 'Provider',
      host: 'sip.provider.example',
      port: 5060,
      transport: 'udp',
      username: 'acme',
      password: 'secret-password',
      register: false,
      callerId: '+74951230000',
      callerIdHeader: 'from',
      maxCalls: 2,
      destinations: ['7'],
      now: T0,
    });
    trunkId = trunk.id;
    ann = (await newUser(store, account.id, { name: 'Ann' })).id;
    bob = (await newUser(store, account.id, { name: 'Bob' })).id;
    await store.users.update(ann, { phone: '+74951110001' });
    // Abroad: no trunk of the account may dial it.
    await store.users.update(bob, { phone: '+375291234567' });
  });
  afterAll(() => database?.drop());

  const widget = (patch: Partial<CallSettings>): Promise<Widget> =>
    store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'Call us',
      settings: { ...(defaultSettings('call') as CallSettings), ...patch },
      now: T0,
    });

  it('rings an employee’s console and phone together, then falls back to a number', async () => {
    const w = await widget({
      forwarding: { kind: 'employee', id: ann },
      ringSeconds: 15,
      fallback: { kind: 'external', number: '+74951110009' },
    });
    const plan = await forwardingPlan(store, w, FACTS);
    expect(plan).toEqual([
      {
        ms: 15_000,
        consoles: true,
        numbers: [{ trunkId, number: '+74951110001', callerId: '+74951230000' }],
      },
      {
        ms: 60_000,
        consoles: false,
        numbers: [{ trunkId, number: '+74951110009', callerId: '+74951230000' }],
      },
    ]);
    expect(encodePlan(plan)).toBe(
      `15000;c;${trunkId}/+74951110001/+74951230000|60000;-;${trunkId}/+74951110009/+74951230000`,
    );
  });

  it('rings the consoles first, then the phones, one after the other; presents the widget’s number', async () => {
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Sales',
      memberIds: [ann, bob],
    });
    const w = await widget({
      forwarding: { kind: 'group', id: group.id },
      ringing: 'sequential',
      outgoingNumber: '+74957770000',
    });
    // Bob's number abroad is dropped: the trunk may not dial it.
    expect(await forwardingPlan(store, w, FACTS)).toEqual([
      { ms: 20_000, consoles: true, numbers: [] },
      {
        ms: 20_000,
        consoles: false,
        numbers: [{ trunkId, number: '+74951110001', callerId: '+74957770000' }],
      },
    ]);
  });

  it('skips the consoles with nobody online, and goes straight to the fallback out of hours', async () => {
    const w = await widget({
      forwarding: { kind: 'employee', id: ann },
      fallback: { kind: 'external', number: '+74951110009' },
    });
    const offline = await forwardingPlan(store, w, { ...FACTS, online: false });
    expect(offline.map((stage) => [stage.consoles, stage.numbers.map((n) => n.number)])).toEqual([
      [false, ['+74951110001']],
      [false, ['+74951110009']],
    ]);
    const closed = await forwardingPlan(store, w, { ...FACTS, open: false });
    expect(closed.map((stage) => stage.numbers.map((n) => n.number))).toEqual([['+74951110009']]);
  });

  it('rings only the number of an external scheme, and nobody when a callback is the fallback out of hours', async () => {
    const external = await widget({ forwarding: { kind: 'external', number: '+74951110003' } });
    expect(await forwardingPlan(store, external, FACTS)).toEqual([
      {
        ms: 20_000,
        consoles: false,
        numbers: [{ trunkId, number: '+74951110003', callerId: '+74951230000' }],
      },
    ]);
    const everyone = await widget({ forwarding: null });
    expect(await forwardingPlan(store, everyone, { ...FACTS, open: false })).toEqual([]);
    expect(await forwardingPlan(store, everyone, FACTS)).toEqual([
      { ms: 20_000, consoles: true, numbers: [] },
    ]);
  });
});
