/**
 * Whom an automatic order calls first: the external addressee's number; an employee's console
 * and phone; a group's members' consoles and phones; with no addressee every operator's and
 * admin's console — never someone of another account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackTargets } from '../../src/orders/callback-targets';
import { sqliteEngine, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe('the targets of an automatic callback', () => {
  let database: TestDatabase;
  let t: TestPlatform;
  let olga: Awaited<ReturnType<TestPlatform['addUser']>>;
  let groupId: string;

  beforeAll(async () => {
    database = await sqliteEngine.open();
    t = await startPlatform(database);
    const { store } = t.platform;
    olga = await t.addUser('operator', 'Olga Operator');
    await store.users.update(olga.id, { phone: '+74951110004' });
    groupId = (
      await store.groups.create({
        accountId: t.accountId,
        name: 'Sales',
        memberIds: [t.users.operator.id, olga.id],
      })
    ).id;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const targets = (addressee: Parameters<typeof callbackTargets>[1]['addressee']) =>
    callbackTargets(t.platform.store, { accountId: t.accountId, addressee });
  const consoleOf = (id: string, name: string) => ({
    addressee: { kind: 'console', operatorId: id },
    operator: { id, name },
  });

  it('an external addressee: its number, nobody of the staff', async () => {
    expect(await targets({ kind: 'external', number: '+74951110007' })).toEqual([
      { addressee: { kind: 'number', number: '+74951110007' }, operator: null },
    ]);
  });

  it('an employee: their console, and their phone when they have one', async () => {
    const { operator } = t.users;
    expect(await targets({ kind: 'employee', id: operator.id })).toEqual([
      consoleOf(operator.id, operator.name),
    ]);
    expect(await targets({ kind: 'employee', id: olga.id })).toEqual([
      consoleOf(olga.id, olga.name),
      {
        addressee: { kind: 'number', number: '+74951110004' },
        operator: { id: olga.id, name: olga.name },
      },
    ]);
  });

  it('a group: every member’s console and phone, at once', async () => {
    expect(await targets({ kind: 'group', id: groupId })).toEqual([
      consoleOf(t.users.operator.id, t.users.operator.name),
      consoleOf(olga.id, olga.name),
      {
        addressee: { kind: 'number', number: '+74951110004' },
        operator: { id: olga.id, name: olga.name },
      },
    ]);
  });

  it('nobody named: the consoles of every operator and admin, not the other roles', async () => {
    const ids = (await targets(null)).map((target) => target.operator?.id);
    expect(ids).toEqual(
      expect.arrayContaining([t.users.operator.id, t.users.admin.id, olga.id, olga.id]),
    );
    const others = Object.values(t.users).filter(
      (user) => !['operator', 'admin'].includes(user.role),
    );
    for (const user of others) expect(ids).not.toContain(user.id);
  });

  it('an employee of another account: nobody', async () => {
    const { store } = t.platform;
    const other = await store.accounts.create({ name: 'Other', sipDomain: 'vpbx2.sip.test' });
    const stranger = await store.users.create({
      accountId: other.id,
      email: 'stranger@other.example',
      name: 'Stranger',
      role: 'operator',
      photoUrl: null,
      passwordHash: 'x',
      phone: '+74951110099',
    });
    expect(await targets({ kind: 'employee', id: stranger.id })).toEqual([]);
  });
});
