/**
 * Deployments sharing one Redis under different REDIS_PREFIXes stay apart in presence lookups.
 * The socket.io adapter counts the servers that must answer a lookup by the listeners of its
 * channel: a listener of another deployment that does not answer (here: a bare subscriber on the
 * adapter's default channel) must not count, or every lookup would wait out its timeout and then
 * settle for this process's own sockets, missing those on the other process.
 */
import { randomUUID } from 'node:crypto';
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerersIn } from '../../src/realtime/presence-lookup';
import { type Database, openDatabase } from '../../src/storage/database';
import { sqliteEngine, type TestDatabase } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startPlatform, type TestPlatform } from '../support/platform';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two processes of one prefix beside a silent listener on one Redis', () => {
  let database: TestDatabase;
  let a: TestPlatform;
  let b: Platform;
  let bDatabase: Database;
  let silent: Redis;
  let operator: OpsClient;

  beforeAll(async () => {
    silent = new Redis(REDIS_URL);
    await silent.subscribe('socket.io#/ops#');
    const env = { REDIS_URL, REDIS_PREFIX: `frontdesk-test-${randomUUID()}` };
    database = await sqliteEngine.open();
    a = await startPlatform(database, { env });
    bDatabase = await openDatabase(database.options);
    b = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...env }),
      clock: a.clock,
      database: bDatabase,
    });
    await b.listen();
    operator = await connectOps(a, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
    await b?.close();
    await bDatabase?.close();
    await a?.close();
    await database?.drop();
    silent?.disconnect();
  });

  it('finds an operator connected to the other process of its own prefix', async () => {
    const online = await answerersIn(b.io.of('/ops'), `account:${a.accountId}`);
    expect([...online]).toEqual([a.users.operator.id]);
  });
});
