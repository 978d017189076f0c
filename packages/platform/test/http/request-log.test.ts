/** Secrets in request URLs (hand-off tokens, token-like query parameters) never reach the logs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/request-log';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

describe('redactUrl', () => {
  it('redacts the hand-off token of its path and secret query parameters, and nothing else', () => {
    expect(redactUrl('/v1/chat/handoff/abcDEF_123')).toBe('/v1/chat/handoff/[redacted]');
    expect(redactUrl('/V1/Chat/Handoff/abc/def?x=1')).toBe('/V1/Chat/Handoff/[redacted]?x=1');
    expect(redactUrl('/v1/admin/outbox?limit=5&token=abc&cursor=c1')).toBe(
      '/v1/admin/outbox?limit=5&token=[redacted]&cursor=c1',
    );
    expect(redactUrl('/x?visitorToken=a&api_secret=b&Password=c&to%6Ben=d')).toBe(
      '/x?visitorToken=[redacted]&api_secret=[redacted]&Password=[redacted]&token=[redacted]',
    );
    expect(redactUrl('/v1/widgets/demo-call/config')).toBe('/v1/widgets/demo-call/config');
  });
});

describe.each(engines)('the request log on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, {
      logger: { stream: { write: (line) => lines.push(line) } },
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('logs requests without the secrets of their URLs', async () => {
    const operator = await t.signIn('operator');
    const token = 'hAnDoFfToKeN0123456789abcdef';
    await operator(`/v1/chat/handoff/${token}`);
    await operator('/v1/admin/users?token=qUeRySeCrEt42&limit=5');
    const requests = lines
      .map((line) => JSON.parse(line) as { msg: string; req?: { url: string; method: string } })
      .filter((entry) => entry.msg === 'incoming request');
    expect(requests.map((entry) => entry.req?.url)).toEqual(
      expect.arrayContaining([
        '/v1/chat/handoff/[redacted]',
        '/v1/admin/users?token=[redacted]&limit=5',
      ]),
    );
    expect(requests.find((entry) => entry.req?.url.startsWith('/v1/chat/'))?.req).toMatchObject({
      method: 'GET',
      remoteAddress: '127.0.0.1',
    });
    const log = lines.join('');
    expect(log).not.toContain(token);
    expect(log).not.toContain('qUeRySeCrEt42');
  });
});
