/** A real platform on a free loopback port, over a fresh database, with an injected clock. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPlatform,
  hashPassword,
  type LimitSettings,
  type Platform,
  type PlatformOptions,
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

/** scrypt's cost in tests: 2^14, quick; the production default is tested on its own. */
export const TEST_PASSWORD_COST = 2 ** 14;

/** A started platform and helpers to talk to it. */
export interface TestPlatform {
  url: string;
  platform: Platform;
  clock: TestClock;
  accountId: string;
  users: Record<Role, User>;
  /** A fetch bound to the platform's URL. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in as `role`'s user (or any user with {@link PASSWORD}); returns a fetch that sends the session cookie and CSRF token. */
  signIn(who: Role | User): Promise<(path: string, init?: RequestInit) => Promise<Response>>;
  /** Another user of the account, with {@link PASSWORD}; the e-mail is made from the name. */
  addUser(role: Role, name: string): Promise<User>;
  /** Signs in as `who`; the session cookie and CSRF token (for a socket.io client, say). */
  session(who: Role | User): Promise<{ cookie: string; csrfToken: string }>;
  /** A fetch that sends a session's cookie and CSRF token (what `signIn` resolves to). */
  withSession(session: {
    cookie: string;
    csrfToken: string;
  }): (path: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

let hash: Promise<string> | undefined;

/**
 * Starts a platform over `database` (migrated by the platform) with one account of three users.
 * `env` adds to its environment; the background workers have no timer unless it sets
 * WORKER_INTERVAL_MS, so tests run their passes with `platform.workers`.
 */
export async function startPlatform(
  database: TestDatabase,
  options: {
    clock?: TestClock;
    limits?: Partial<LimitSettings>;
    assetDirs?: string[];
    /** Staff web apps by URL prefix (the built console). */
    webApps?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    /** With `env.SIP_EDGE: '1'`: the edge's timings (its runtime dir goes to a temporary DATA_DIR). */
    sipTuning?: PlatformOptions['sipTuning'];
    /** With `env.SIP_EDGE: '1'`: the proxies whose X-Forwarded-For the edge believes. */
    sipTrustedProxies?: PlatformOptions['sipTrustedProxies'];
    /** With `env.SIP_EDGE: '1'`: how the edge picks its listeners' ports. */
    sipPickPort?: PlatformOptions['sipPickPort'];
    /** The platform's scrypt cost; {@link TEST_PASSWORD_COST} unless given. */
    passwordCost?: number;
    /** Where the platform logs; nowhere unless given. */
    logger?: PlatformOptions['logger'];
    /** Timings of the messenger channels' pollers. */
    channelTuning?: PlatformOptions['channelTuning'];
  } = {},
): Promise<TestPlatform> {
  // The SIP edge keeps its runtime directory under DATA_DIR: give it a fresh one, removed on close.
  const dataDir =
    options.env?.SIP_EDGE === '1' && !options.env.DATA_DIR
      ? await mkdtemp(join(tmpdir(), 'frontdesk-sip-'))
      : undefined;
  const clock = options.clock ?? testClock('2026-03-04T07:00:00Z');
  const env = readEnv({
    PORT: '0',
    DATA_DIR: '/nonexistent',
    PUBLIC_URL: 'http://127.0.0.1:1',
    WORKER_INTERVAL_MS: '0',
    ...options.env,
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
  });
  const platform = await createPlatform({
    env,
    clock,
    database,
    ...(options.limits ? { limits: options.limits } : {}),
    assetDirs: options.assetDirs ?? [],
    webApps: options.webApps ?? {},
    ...(options.sipTuning ? { sipTuning: options.sipTuning } : {}),
    ...(options.sipTrustedProxies ? { sipTrustedProxies: options.sipTrustedProxies } : {}),
    ...(options.sipPickPort ? { sipPickPort: options.sipPickPort } : {}),
    passwordCost: options.passwordCost ?? TEST_PASSWORD_COST,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.channelTuning ? { channelTuning: options.channelTuning } : {}),
  });
  const url = await platform.listen();
  // The admin API accepts writes only from the platform's own origin: make it this one (unless
  // the test put a front before it, such as a TLS front for webhooks).
  if (!options.env?.PUBLIC_URL) env.publicUrl = url;
  // Webhooks reach PUBLIC_URL unless the test names their own base (a TLS front, as `npm start`).
  if (!options.env?.WEBHOOK_URL) env.webhookUrl = env.publicUrl;
  hash ??= hashPassword(PASSWORD, TEST_PASSWORD_COST);
  const passwordHash = await hash;
  // In English, the language the tests read what the platform writes in.
  const account = await platform.store.accounts.create({
    name: 'Test',
    sipDomain: 'vpbx1000001.sip.test',
    language: 'en',
  });
  const addUser = (role: Role, name: string, email: string) =>
    platform.store.users.create({
      accountId: account.id,
      email,
      name,
      role,
      passwordHash,
      photoUrl: null,
    });
  const make = (role: Role) =>
    addUser(role, `${role[0]?.toUpperCase()}${role.slice(1)} Person`, `${role}@test.example`);
  const users = {
    admin: await make('admin'),
    marketer: await make('marketer'),
    operator: await make('operator'),
  };
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, url), init);
  const session = async (who: Role | User) => {
    const user = typeof who === 'string' ? users[who] : who;
    const response = await request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in as ${user.email}: ${response.status} ${await response.text()}`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrfToken };
  };
  const withSession: TestPlatform['withSession'] =
    ({ cookie, csrfToken }) =>
    (path, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookie);
      if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrfToken);
      if (init.body !== undefined && !headers.has('content-type'))
        headers.set('content-type', 'application/json');
      return request(path, { ...init, headers });
    };
  return {
    url,
    platform,
    clock,
    accountId: account.id,
    users,
    request,
    session,
    addUser: (role, name) =>
      addUser(role, name, `${name.toLowerCase().replaceAll(' ', '.')}@test.example`),
    async signIn(who) {
      return withSession(await session(who));
    },
    withSession,
    async close() {
      await platform.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
