/** A real platform on a free loopback port, over a fresh database, with an injected clock. */
import {
  createPlatform,
  hashPassword,
  type LimitSettings,
  type Platform,
  type Role,
  readEnv,
  type User,
} from '@frontdesk/platform';
import type { TestDatabase } from './databases';

/** A clock tests move by hand. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock reading `iso` until told otherwise. */
export function testClock(iso: string): TestClock {
  let now = Date.parse(iso);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (next) => {
    now = Date.parse(next);
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** The password of every test user. */
export const PASSWORD = 'correct horse battery';

/** A started platform and helpers to talk to it. */
export interface TestPlatform {
  url: string;
  platform: Platform;
  clock: TestClock;
  accountId: string;
  users: Record<Role, User>;
  /** A fetch bound to the platform's URL. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in as `role`'s user; returns a fetch that sends the session cookie and CSRF token. */
  signIn(role: Role): Promise<(path: string, init?: RequestInit) => Promise<Response>>;
  close(): Promise<void>;
}

let hash: Promise<string> | undefined;

/** Starts a platform over `database` (migrated by the platform) with one account of three users. */
export async function startPlatform(
  database: TestDatabase,
  options: { clock?: TestClock; limits?: LimitSettings; assetDirs?: string[] } = {},
): Promise<TestPlatform> {
  const clock = options.clock ?? testClock('2026-03-04T07:00:00Z');
  const env = readEnv({ PORT: '0', DATA_DIR: '/nonexistent', PUBLIC_URL: 'http://127.0.0.1:1' });
  const platform = await createPlatform({
    env,
    clock,
    database,
    ...(options.limits ? { limits: options.limits } : {}),
    assetDirs: options.assetDirs ?? [],
  });
  const url = await platform.listen();
  // The admin API accepts writes only from the platform's own origin: make it this one.
  env.publicUrl = url;
  hash ??= hashPassword(PASSWORD);
  const passwordHash = await hash;
  const account = await platform.store.accounts.create({
    name: 'Test',
    sipDomain: 'vpbx1000001.sip.test',
  });
  const make = (role: Role) =>
    platform.store.users.create({
      accountId: account.id,
      email: `${role}@test.example`,
      name: `${role[0]?.toUpperCase()}${role.slice(1)} Person`,
      role,
      passwordHash,
      photoUrl: null,
    });
  const users = {
    admin: await make('admin'),
    marketer: await make('marketer'),
    operator: await make('operator'),
  };
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, url), init);
  return {
    url,
    platform,
    clock,
    accountId: account.id,
    users,
    request,
    async signIn(role) {
      const response = await request('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: users[role].email, password: PASSWORD }),
      });
      if (response.status !== 200)
        throw new Error(`sign-in as ${role}: ${response.status} ${await response.text()}`);
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      return (path, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set('cookie', cookie);
        if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
        if (init.body !== undefined && !headers.has('content-type'))
          headers.set('content-type', 'application/json');
        return request(path, { ...init, headers });
      };
    },
    close: () => platform.close(),
  };
}
