import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

const sqlite = engines.find((engine) => engine.name === 'sqlite');

describe('OpenAPI document', () => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    if (!sqlite) throw new Error('the SQLite test engine is missing');
    database = await sqlite.open();
    t = await startPlatform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('documents the routes, generated from their schemas', async () => {
    const doc = await (await t.request('/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/widgets/{key}/config',
        '/v1/widgets/{key}/slots',
        '/v1/auth/login',
        '/v1/admin/widgets',
        '/v1/admin/widgets/{id}',
        '/v1/admin/widgets/{id}/embed',
        '/v1/admin/users',
        '/v1/admin/groups',
        '/v1/widgets/{key}/callbacks',
        '/v1/admin/call-history',
        '/v1/admin/orders/{id}',
        '/v1/admin/outbox',
        '/v1/chat/handoff/{token}',
      ]),
    );
    const order =
      doc.paths['/v1/widgets/{key}/callbacks'].post.requestBody.content['application/json'].schema;
    expect(order.required).toEqual(['phone']);
    expect(Object.keys(order.properties)).toEqual(
      expect.arrayContaining(['phone', 'slot', 'now', 'name', 'consent', 'page', 'website']),
    );
    const login = doc.paths['/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(['email', 'password']);
    expect(login.properties.email).toMatchObject({ type: 'string', format: 'email' });
  });

  it('answers unknown routes with the error body', async () => {
    const response = await t.request('/v1/nothing-here?x=1');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route GET /v1/nothing-here.' },
    });
  });
});
