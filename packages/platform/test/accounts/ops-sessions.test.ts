/**
 * `/ops` sockets live no longer than their session and rights: logout, user deletion, a role or
 * password change and session expiry cut them; group changes move them in and out of the group's
 * room at once.
 */
import type { Role, User } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { connectOpsWith, disconnected, type OpsClient } from '../support/ops-client';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

const SESSION_TTL_MS = 12 * 3_600_000;

describe.each(engines)('/ops sockets follow their sessions on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: Awaited<ReturnType<TestPlatform['signIn']>>;
  const clients: OpsClient[] = [];

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    // Closing the platform disconnects the sockets still open.
    await t?.close();
    await database?.drop();
  });

  /** A new session of `who`: a fetch with it, and an `/ops` socket on it. */
  async function signedIn(who: Role | User) {
    const session = await t.session(who);
    const socket = await connectOpsWith(t.url, session.cookie);
    clients.push(socket);
    return { fetch: t.withSession(session), socket };
  }

  /** Whether the socket is still served: an acknowledged request comes back. */
  async function served(client: OpsClient): Promise<boolean> {
    return (await client.ask<{ ok: boolean }>('callback:list', {})).ok;
  }

  const patch = (path: string, body: unknown, as = admin) =>
    as(path, { method: 'PATCH', body: JSON.stringify(body) });

  it("logout cuts the sockets of that session, not those of the user's other session", async () => {
    const user = await t.addUser('operator', 'Logout Person');
    const [leaving, staying] = [await signedIn(user), await signedIn(user)];
    const cut = disconnected(leaving.socket);
    expect((await leaving.fetch('/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(await cut).toBe('io server disconnect');
    expect(await served(staying.socket)).toBe(true);
  });

  it("deleting a user cuts the user's sockets", async () => {
    const user = await t.addUser('operator', 'Deleted Person');
    const { socket } = await signedIn(user);
    const cut = disconnected(socket);
    expect((await admin(`/v1/admin/users/${user.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await cut).toBe('io server disconnect');
  });

  it("a role change ends the user's sessions and cuts their sockets; a new one has the new role", async () => {
    const user = await t.addUser('operator', 'Promoted Person');
    const old = await signedIn(user);
    const cut = disconnected(old.socket);
    expect((await patch(`/v1/admin/users/${user.id}`, { role: 'marketer' })).status).toBe(200);
    expect(await cut).toBe('io server disconnect');
    expect((await old.fetch('/v1/auth/me')).status).toBe(401);
    const renewed = await signedIn(user);
    expect(renewed.socket.received.find(([event]) => event === 'hello')?.[1]).toMatchObject({
      user: { id: user.id, role: 'marketer' },
    });
  });

  it('an admin changing their own role keeps the asking session, whose sockets reconnect', async () => {
    const self = await t.addUser('admin', 'Stepping Down');
    const [asking, other] = [await signedIn(self), await signedIn(self)];
    const cuts = [disconnected(asking.socket), disconnected(other.socket)];
    expect(
      (await patch(`/v1/admin/users/${self.id}`, { role: 'marketer' }, asking.fetch)).status,
    ).toBe(200);
    expect(await Promise.all(cuts)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await other.fetch('/v1/auth/me')).status).toBe(401);
    const me = await asking.fetch('/v1/auth/me');
    expect((await me.json()).user.role).toBe('marketer');
  });

  it("a password change ends the user's other sessions and their sockets, not the asking one", async () => {
    const self = await t.addUser('admin', 'Careful Admin');
    const [asking, other] = [await signedIn(self), await signedIn(self)];
    const cut = disconnected(other.socket);
    const password = { password: 'another long password' };
    expect((await patch(`/v1/admin/users/${self.id}`, password, asking.fetch)).status).toBe(200);
    expect(await cut).toBe('io server disconnect');
    expect((await other.fetch('/v1/auth/me')).status).toBe(401);
    expect((await asking.fetch('/v1/auth/me')).status).toBe(200);
    expect(await served(asking.socket)).toBe(true);

    // Another user's password, set by an admin: every session of theirs ends.
    const operator = await t.addUser('operator', 'Forgetful Operator');
    const theirs = await signedIn(operator);
    const theirsCut = disconnected(theirs.socket);
    expect((await patch(`/v1/admin/users/${operator.id}`, password, asking.fetch)).status).toBe(
      200,
    );
    expect(await theirsCut).toBe('io server disconnect');
    expect((await theirs.fetch('/v1/auth/me')).status).toBe(401);
  });

  it("group changes move the members' sockets out of and into the group's room at once", async () => {
    const [stayer, leaver, joiner] = [
      await t.addUser('operator', 'Group Stayer'),
      await t.addUser('operator', 'Group Leaver'),
      await t.addUser('operator', 'Group Joiner'),
    ];
    const created = await admin('/v1/admin/groups', {
      method: 'POST',
      body: JSON.stringify({ name: 'Night shift', memberIds: [stayer.id, leaver.id] }),
    });
    const group = (await created.json()) as { id: string };
    const [staying, leaving, joining] = [
      await signedIn(stayer),
      await signedIn(leaver),
      await signedIn(joiner),
    ];
    const changed = await patch(`/v1/admin/groups/${group.id}`, {
      memberIds: [stayer.id, joiner.id],
    });
    expect(changed.status).toBe(200);

    const widget = await callbackWidget(t, { mode: automatic({ kind: 'group', id: group.id }) });
    const response = await postOrder(t, widget.key, { phone: '+79991230001', now: true });
    const { id } = (await response.json()) as { id: string };
    await t.platform.workers.runDue();
    const rings = (order: { id: string }) => order.id === id;
    await staying.socket.next('callback:ringing', rings);
    await joining.socket.next('callback:ringing', rings);
    // The order rang before this answer was sent, on the same connection: it would be here.
    expect(await served(leaving.socket)).toBe(true);
    const rangLeaver = leaving.socket.received.some(
      ([event, order]) => event === 'callback:ringing' && rings(order as { id: string }),
    );
    expect(rangLeaver).toBe(false);

    expect((await admin(`/v1/admin/groups/${group.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await t.platform.io.of('/ops').in(`group:${group.id}`).fetchSockets()).toEqual([]);
  });

  it('session expiry cuts a socket at its next event, and idle ones at the next worker pass', async () => {
    const user = await t.addUser('operator', 'Expiring Person');
    const [speaking, idle] = [await signedIn(user), await signedIn(user)];
    const cuts = [disconnected(speaking.socket), disconnected(idle.socket)];
    t.clock.advance(SESSION_TTL_MS);
    try {
      speaking.socket.socket.emit('callback:list', {});
      expect(await cuts[0]).toBe('io server disconnect');
      expect(idle.socket.socket.connected).toBe(true);
      expect(t.platform.workers.endExpiredSessions()).toBeGreaterThanOrEqual(1);
      expect(await cuts[1]).toBe('io server disconnect');
    } finally {
      t.clock.advance(-SESSION_TTL_MS);
    }
  });
});
