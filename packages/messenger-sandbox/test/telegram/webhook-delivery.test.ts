import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, SandboxBot, TelegramEvent } from '../../src/index';
import { botApi, startSandbox, type TestSandbox } from '../support/sandbox';
import { type ThrowawayCa, throwawayCa } from '../support/throwaway-ca';

/** What the webhook server saw. */
interface Delivery {
  headers: IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: an Update as JSON.
  update: any;
}

let ca: ThrowawayCa;
let otherCa: ThrowawayCa;
let sandbox: TestSandbox;
const servers: Server[] = [];
let count = 0;

beforeAll(async () => {
  [ca, otherCa] = await Promise.all([throwawayCa(), throwawayCa()]);
  sandbox = await startSandbox({
    caFile: ca.caFile,
    telegram: { webhookRetry: { firstMs: 5, maxMs: 20 } },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await Promise.all([ca?.remove(), otherCa?.remove()]);
});
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    }),
  );
});

/**
 * An https webhook server with `pem`'s certificate; `answer(n)` gives the HTTP status of the
 * n-th request (from 0).
 */
async function webhookServer(pem: ThrowawayCa, answer: (n: number) => number = () => 200) {
  const seen: Delivery[] = [];
  const server = createHttpsServer({ key: pem.key, cert: pem.cert }, (request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      seen.push({ headers: request.headers, update: JSON.parse(body) });
      response.writeHead(answer(seen.length - 1)).end();
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`, seen };
}

/** A fresh bot and customer, the bot's API and a wait for the next delivery outcome. */
function fresh(): { bot: SandboxBot; anna: Customer; call: ReturnType<typeof botApi> } {
  count += 1;
  const bot = sandbox.telegram.createBot({ username: `hook${count}_bot` });
  const anna = sandbox.telegram.customer({ firstName: 'Anna' });
  return { bot, anna, call: botApi(sandbox.telegram.apiUrl, bot.token) };
}

const outcome = (bot: SandboxBot, type: 'webhook-delivered' | 'webhook-error') =>
  sandbox.telegram.waitForEvent((event) => event.type === type && event.bot === bot.username);

describe('webhook delivery', () => {
  it('POSTs each update as JSON with the secret token, in order, confirming on 2xx', async () => {
    const { bot, anna, call } = fresh();
    const hook = await webhookServer(ca);
    await call('setWebhook', { url: hook.url, secret_token: 'Webhook_Secret-1' });
    let delivered = outcome(bot, 'webhook-delivered');
    sandbox.telegram.write(bot.username, anna, 'first');
    await delivered;
    delivered = sandbox.telegram.waitForEvent(
      (event) =>
        event.type === 'webhook-delivered' && event.bot === bot.username && hook.seen.length === 3,
    );
    sandbox.telegram.write(bot.username, anna, 'second');
    sandbox.telegram.write(bot.username, anna, 'third');
    await delivered;
    expect(hook.seen.map(({ update }) => update.message.text)).toEqual([
      'first',
      'second',
      'third',
    ]);
    expect(hook.seen[0]?.headers['x-telegram-bot-api-secret-token']).toBe('Webhook_Secret-1');
    expect(hook.seen[0]?.headers['content-type']).toBe('application/json');
    expect(hook.seen[0]?.update).toEqual({
      update_id: expect.any(Number),
      message: expect.objectContaining({
        text: 'first',
        chat: expect.objectContaining({ id: anna.id }),
      }),
    });
    expect((await call('getWebhookInfo')).body.result.pending_update_count).toBe(0);
  });

  it('retries until the webhook answers 2xx, and reports the last error', async () => {
    const { bot, anna, call } = fresh();
    const hook = await webhookServer(ca, (n) => (n < 2 ? 500 : 200));
    await call('setWebhook', { url: hook.url });
    const delivered = outcome(bot, 'webhook-delivered');
    sandbox.telegram.write(bot.username, anna, 'persist');
    await delivered;
    expect(hook.seen.map(({ update }) => update.message.text)).toEqual([
      'persist',
      'persist',
      'persist',
    ]);
    const info = (await call('getWebhookInfo')).body.result;
    expect(info).toMatchObject({
      pending_update_count: 0,
      last_error_date: Date.parse('2026-03-04T07:00:00Z') / 1000,
      last_error_message: 'Wrong response from the webhook: 500 Internal Server Error',
    });
  });

  it('refuses a server whose certificate does not chain to the CA it was given', async () => {
    const { bot, anna, call } = fresh();
    const hook = await webhookServer(otherCa);
    await call('setWebhook', { url: hook.url });
    const failed = outcome(bot, 'webhook-error');
    sandbox.telegram.write(bot.username, anna, 'secret');
    const error = (await failed) as Extract<TelegramEvent, { type: 'webhook-error' }>;
    expect(error.message).toMatch(/^SSL error .*certificate verify failed/);
    expect(hook.seen).toEqual([]);
    const info = (await call('getWebhookInfo')).body.result;
    expect(info.pending_update_count).toBe(1);
    expect(info.last_error_message).toBe(error.message);
  });

  it('reports a webhook nobody listens on as refused', async () => {
    const { bot, anna, call } = fresh();
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    await call('setWebhook', { url: `https://127.0.0.1:${port}/telegram` });
    const failed = outcome(bot, 'webhook-error');
    sandbox.telegram.write(bot.username, anna, 'anyone?');
    expect(((await failed) as { message: string }).message).toBe('Connection refused');
  });

  it('delivers nothing while the API is down, and what waited once it is back', async () => {
    const { bot, anna, call } = fresh();
    const hook = await webhookServer(ca);
    await call('setWebhook', { url: hook.url });
    await sandbox.telegram.faults.down('bad-gateway');
    sandbox.telegram.write(bot.username, anna, 'during the outage');
    await new Promise((done) => setImmediate(done));
    expect(hook.seen).toEqual([]);
    const delivered = outcome(bot, 'webhook-delivered');
    await sandbox.telegram.faults.up();
    await delivered;
    expect(hook.seen.map(({ update }) => update.message.text)).toEqual(['during the outage']);
  });

  it('stops delivering once the webhook is deleted; getUpdates then has the rest', async () => {
    const { bot, anna, call } = fresh();
    const hook = await webhookServer(ca, () => 503);
    await call('setWebhook', { url: hook.url });
    const failed = outcome(bot, 'webhook-error');
    sandbox.telegram.write(bot.username, anna, 'not taken');
    await failed;
    await call('deleteWebhook');
    const tries = hook.seen.length;
    const updates = (await call('getUpdates')).body.result;
    expect(updates.map((update: { message: { text: string } }) => update.message.text)).toEqual([
      'not taken',
    ]);
    expect(hook.seen.length).toBe(tries);
  });
});
