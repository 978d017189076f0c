/**
 * What the SMS transport makes of its adapter's answers, against a real HTTP server on loopback:
 * only a refusal of this very number or text is for good; trouble with the provider itself (its
 * account, its limits, its address) is tried again.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsTransport } from '../../src/outbox/sms-transport';
import { failure, message } from '../support/outbox-transport';

describe('the SMS transport', () => {
  /** The adapter's answer to the next POST: a status and headers. */
  let answer: { status: number; headers?: Record<string, string> } = { status: 200 };
  /** Requests that were not the POST to the adapter (a redirect followed). */
  const elsewhere: string[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.url !== '/send') {
        elsewhere.push(`${request.method} ${request.url}`);
        response.writeHead(200).end('{}');
        return;
      }
      response.writeHead(answer.status, answer.headers).end(`answer ${answer.status}`);
    });
  });
  let base = '';
  const sms = () => smsTransport(`${base}/send`);
  const failed = async (status: number, headers?: Record<string, string>) => {
    answer = { status, headers };
    return failure(sms(), '+79990001122', 'sms');
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives a message up only when the adapter refuses its number or text (400, 422)', async () => {
    expect(await failed(400)).toEqual({
      message: 'SMS: HTTP 400 answer 400',
      permanent: true,
      retryAfter: undefined,
    });
    expect(await failed(422)).toMatchObject({ permanent: true });
    answer = { status: 200 };
    await expect(sms().send(message('sms', '+79990001122'))).resolves.toBe(undefined);
  });

  it('tries again when the provider is down or refuses our account or address', async () => {
    for (const status of [401, 402, 403, 404, 408, 500, 502, 503]) {
      expect(await failed(status)).toEqual({
        message: `SMS: HTTP ${status} answer ${status}`,
        permanent: false,
        retryAfter: undefined,
      });
    }
  });

  it('a rate limit passes its Retry-After on, or null when it names none', async () => {
    expect(await failed(429, { 'retry-after': '7' })).toEqual({
      message: 'SMS: HTTP 429 answer 429',
      permanent: false,
      retryAfter: '7',
    });
    expect(await failed(429)).toMatchObject({ permanent: false, retryAfter: null });
  });

  it('follows no redirect: it is retried, the error naming where it pointed', async () => {
    expect(await failed(302, { location: `${base}/moved` })).toEqual({
      message: `SMS: HTTP 302 redirect to ${base}/moved: SMS_URL must name the adapter itself`,
      permanent: false,
      retryAfter: undefined,
    });
    expect(await failed(301, { location: '/moved' })).toMatchObject({ permanent: false });
    // Where it points, without the key a provider's redirect repeats from SMS_URL.
    const withKey = await failed(301, { location: `https://shop:pw@sms.example/send?key=s3cret` });
    expect(withKey.message).toBe(
      'SMS: HTTP 301 redirect to https://sms.example/send: SMS_URL must name the adapter itself',
    );
    expect(elsewhere).toEqual([]);
  });
});
