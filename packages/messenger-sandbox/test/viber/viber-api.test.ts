/**
 * The sandbox's Viber REST API against an https webhook with a throwaway CA: set_webhook calls
 * the URL back and refuses http; callbacks come signed with the token, in order, message tokens
 * as bare 64-bit numbers, retried until a 200; send_message answers Viber's statuses.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { viberSignature } from '../../src/index';
import { startSandbox, type TestSandbox } from '../support/sandbox';
import { type ThrowawayCa, throwawayCa } from '../support/throwaway-ca';

interface Seen {
  raw: string;
  signature: string | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: a callback as JSON.
  body: any;
}

let ca: ThrowawayCa;
let sandbox: TestSandbox;
const servers: Server[] = [];
let count = 0;

beforeAll(async () => {
  ca = await throwawayCa();
  sandbox = await startSandbox({
    caFile: ca.caFile,
    viber: { callbackRetry: { firstMs: 5, maxMs: 20 } },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await ca?.remove();
});
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    }),
  );
});

/** An https webhook; `answer(n)` is the status of the n-th request. */
async function webhookServer(answer: (n: number) => number = () => 200) {
  const seen: Seen[] = [];
  const server = createServer({ key: ca.key, cert: ca.cert }, (request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const signature = request.headers['x-viber-content-signature'];
      seen.push({ raw, signature: signature as string | undefined, body: JSON.parse(raw) });
      response.writeHead(answer(seen.length - 1)).end();
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/viber`, seen };
}

/** Calls `method` as the bot with `token`. */
async function call(token: string, method: string, body: object = {}) {
  const response = await fetch(`${sandbox.viber.apiUrl}/pa/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-viber-auth-token': token },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return { raw: await response.clone().text(), body: await response.json() };
}

const newBot = () => sandbox.viber.createBot({ name: 'Shop', uri: `shop${++count}` });

describe('Viber REST API', () => {
  it('refuses a token it does not know with status 2 invalidAuthToken', async () => {
    const { body } = await call('0123456789abcdef-nope', 'get_account_info');
    expect(body).toEqual({ status: 2, status_message: 'invalidAuthToken' });
  });

  it('sets a webhook only at https, after a signed check it answers 200', async () => {
    const bot = newBot();
    expect((await call(bot.token, 'set_webhook', { url: 'http://127.0.0.1:1/x' })).body).toEqual({
      status: 1,
      status_message: 'invalidUrl',
    });
    const hook = await webhookServer();
    const { body } = await call(bot.token, 'set_webhook', { url: hook.url });
    expect(body).toMatchObject({ status: 0, status_message: 'ok' });
    expect(hook.seen).toHaveLength(1);
    const [check] = hook.seen;
    expect(check?.body).toMatchObject({ event: 'webhook' });
    expect(check?.signature).toBe(viberSignature(check?.raw ?? '', bot.token));
    const info = (await call(bot.token, 'get_account_info')).body;
    expect(info).toMatchObject({ status: 0, name: 'Shop', uri: bot.uri, webhook: hook.url });
  });

  it('refuses a webhook whose check is not answered 200', async () => {
    const bot = newBot();
    const hook = await webhookServer(() => 401);
    const { body } = await call(bot.token, 'set_webhook', { url: hook.url });
    expect(body.status).toBe(1);
    expect(body.status_message).toMatch(/^invalidUrl: Wrong response from the webhook: 401/);
  });

  it('delivers a user’s message signed, its token a bare 64-bit number, until answered 200', async () => {
    const bot = newBot();
    const hook = await webhookServer((n) => (n === 1 ? 500 : 200));
    await call(bot.token, 'set_webhook', { url: hook.url });
    const anna = sandbox.viber.user({ name: 'Anna' });
    const delivered = sandbox.viber.waitForEvent((e) => e.type === 'callback-delivered');
    const sent = sandbox.viber.write(bot, anna, 'Hello');
    await delivered;
    // The check, the refused attempt, the one that got through.
    expect(hook.seen).toHaveLength(3);
    const last = hook.seen[2];
    expect(last?.raw).toContain(`"message_token":${sent.token}`);
    expect(last?.signature).toBe(viberSignature(last?.raw ?? '', bot.token));
    expect(last?.body).toMatchObject({
      event: 'message',
      sender: { id: anna.id, name: 'Anna' },
      message: { type: 'text', text: 'Hello' },
    });
  });

  it('answers send_message with 0, 5, 6, 10 and 12 as Viber does', async () => {
    const bot = newBot();
    const message = (receiver: string) => ({
      receiver,
      type: 'text',
      text: 'Hi',
      sender: { name: 'Shop' },
    });
    const anna = sandbox.viber.user({ name: 'Anna' });
    expect((await call(bot.token, 'send_message', message(anna.id))).body.status).toBe(10);
    const hook = await webhookServer();
    await call(bot.token, 'set_webhook', { url: hook.url });
    expect((await call(bot.token, 'send_message', message(anna.id))).body).toEqual({
      status: 5,
      status_message: 'receiverNotRegistered',
    });
    sandbox.viber.write(bot, anna, 'Hello');
    const ok = await call(bot.token, 'send_message', message(anna.id));
    expect(ok.body).toMatchObject({ status: 0, status_message: 'ok' });
    expect(ok.raw).toMatch(/"message_token":\d{19}/);
    sandbox.viber.faults.rateLimit(60);
    expect((await call(bot.token, 'send_message', message(anna.id))).body.status).toBe(12);
    sandbox.clock.advance(61_000);
    expect((await call(bot.token, 'send_message', message(anna.id))).body.status).toBe(0);
    sandbox.viber.setSubscribed(bot, anna, false);
    expect((await call(bot.token, 'send_message', message(anna.id))).body).toEqual({
      status: 6,
      status_message: 'notSubscribed',
    });
  });
});
