/**
 * The admin trunks API (`/v1/admin/trunks`) for the fake platform, kept in memory as the platform
 * does it: the password write-only (a string replaces it, null clears it, `{ set }` or left out
 * keeps it; every answer shows only `{ set }`), and refusals naming the field.
 */
import type { AdminTrunk } from '@frontdesk/config';
import type { Handler } from './fake-platform';

/** A stored trunk named `name`, with or without a password. */
export function trunk(id: string, name: string, passwordSet = true): AdminTrunk {
  return {
    id,
    accountId: 'a1',
    name,
    host: `sip.${id}.example`,
    port: 5060,
    transport: 'udp',
    username: 'acme',
    password: { set: passwordSet },
    register: false,
    callerId: null,
    callerIdHeader: 'from',
    maxCalls: 2,
    destinations: ['7'],
    registration: { state: 'off' },
    createdAt: 0,
    updatedAt: 0,
  };
}

/** The routes over `trunks` (changed in place); `passwords` holds what the platform would store. */
export function trunkRoutes(
  trunks: AdminTrunk[],
  passwords = new Map<string, string>(),
): Record<string, Handler> {
  const refused = (field: string, message: string) => ({
    status: 400,
    body: { error: { code: 'invalid', field, message } },
  });
  const write = (id: string, body: Record<string, unknown>): AdminTrunk => {
    const { password, ...fields } = body;
    if (typeof password === 'string') passwords.set(id, password);
    if (password === null) passwords.delete(id);
    const before = trunks.find((t) => t.id === id) ?? trunk(id, '', false);
    const after = { ...before, ...fields, password: { set: passwords.has(id) } } as AdminTrunk;
    // As the platform: not registered yet right after a change.
    return { ...after, registration: after.register ? { state: 'pending' } : { state: 'off' } };
  };
  return {
    'GET /v1/admin/trunks': () => ({ body: { trunks } }),
    'POST /v1/admin/trunks': (body) => {
      const input = body as Record<string, unknown>;
      if (input.host === 'bad host') {
        return refused('host', 'Give a host name or an IPv4 address.');
      }
      const created = write(`t${trunks.length + 1}`, input);
      trunks.push(created);
      return { status: 201, body: created };
    },
    'PATCH /v1/admin/trunks/:id': (body, id) => {
      const input = body as Record<string, unknown>;
      if (Array.isArray(input.destinations) && input.destinations.includes('999')) {
        return refused('destinations[1]', 'Use country calling codes like "7" or "375".');
      }
      const changed = write(id, input);
      trunks.splice(
        trunks.findIndex((t) => t.id === id),
        1,
        changed,
      );
      return { body: changed };
    },
    'DELETE /v1/admin/trunks/:id': (_, id) => {
      trunks.splice(
        trunks.findIndex((t) => t.id === id),
        1,
      );
      passwords.delete(id);
      return {};
    },
  };
}
