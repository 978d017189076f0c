import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, SandboxBot } from '../../src/index';
import { type BotAnswer, botApi, startSandbox, type TestSandbox } from '../support/sandbox';

const OTHER_POLLER =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

let sandbox: TestSandbox;
let bot: SandboxBot;
let anna: Customer;
let call: ReturnType<typeof botApi>;
let count = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());
beforeEach(() => {
  // A fresh bot per test: nothing queued, no webhook.
  count += 1;
  bot = sandbox.telegram.createBot({ username: `poll${count}_bot`, firstName: 'Poll Bot' });
  anna = sandbox.telegram.customer({ firstName: 'Anna', lastName: 'Petrova', username: 'anna_p' });
  call = botApi(sandbox.telegram.apiUrl, bot.token);
});

const texts = (answer: BotAnswer) =>
  answer.body.result.map((update: { message: { text: string } }) => update.message.text);

describe('getUpdates', () => {
  it('hands out the customer messages in order, each as Telegram writes it', async () => {
    sandbox.telegram.write(bot.username, anna, 'Hello');
    sandbox.telegram.write(bot.username, anna, 'Is anyone there?');
    const answer = await call('getUpdates');
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    const [first, second] = answer.body.result;
    expect(second.update_id).toBe(first.update_id + 1);
    expect(first.message).toEqual({
      message_id: 1,
      from: {
        id: anna.id,
        is_bot: false,
        first_name: 'Anna',
        last_name: 'Petrova',
        username: 'anna_p',
      },
      chat: {
        id: anna.id,
        type: 'private',
        first_name: 'Anna',
        last_name: 'Petrova',
        username: 'anna_p',
      },
      date: Date.parse('2026-03-04T07:00:00Z') / 1000,
      text: 'Hello',
    });
    expect(second.message.message_id).toBe(2);
  });

  it('keeps updates until an offset above their id confirms them', async () => {
    for (const text of ['one', 'two', 'three']) sandbox.telegram.write(bot.username, anna, text);
    const all = await call('getUpdates');
    expect(texts(await call('getUpdates'))).toEqual(['one', 'two', 'three']);
    const [, second, third] = all.body.result;
    expect(texts(await call('getUpdates', { offset: second.update_id }))).toEqual(['two', 'three']);
    expect(texts(await call('getUpdates'))).toEqual(['two', 'three']);
    expect(texts(await call('getUpdates', { offset: third.update_id + 1 }))).toEqual([]);
    expect((await call('getWebhookInfo')).body.result.pending_update_count).toBe(0);
  });

  it('gives at most `limit`, and the last ones alone for a negative offset', async () => {
    for (const text of ['one', 'two', 'three']) sandbox.telegram.write(bot.username, anna, text);
    expect(texts(await call('getUpdates', { limit: 2 }))).toEqual(['one', 'two']);
    expect(texts(await call('getUpdates', { offset: -1 }))).toEqual(['three']);
    expect(texts(await call('getUpdates'))).toEqual(['three']);
  });

  it('reads parameters from the query string and from a form body too', async () => {
    sandbox.telegram.write(bot.username, anna, 'one');
    sandbox.telegram.write(bot.username, anna, 'two');
    const base = `${sandbox.telegram.apiUrl}/bot${bot.token}/getUpdates`;
    const first = await (await fetch(`${base}?limit=1`)).json();
    expect(first.result.map((u: { message: { text: string } }) => u.message.text)).toEqual(['one']);
    const form = await fetch(base, {
      method: 'POST',
      body: new URLSearchParams({ offset: String(first.result[0].update_id + 1) }),
    });
    expect(
      (await form.json()).result.map((u: { message: { text: string } }) => u.message.text),
    ).toEqual(['two']);
  });

  it('long polls: a waiting call answers as soon as the customer writes', async () => {
    const waiting = call('getUpdates', { timeout: 30 });
    await sandbox.telegram.waitForLongPoll(bot.username);
    sandbox.telegram.write(bot.username, anna, 'Here I am');
    expect(texts(await waiting)).toEqual(['Here I am']);
  });

  it('answers 409 to the call already waiting when a second one comes', async () => {
    const first = call('getUpdates', { timeout: 30 });
    await sandbox.telegram.waitForLongPoll(bot.username);
    const second = call('getUpdates', { timeout: 30 });
    expect(await first).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: OTHER_POLLER },
    });
    await sandbox.telegram.waitForLongPoll(bot.username);
    sandbox.telegram.write(bot.username, anna, 'For the second');
    expect(texts(await second)).toEqual(['For the second']);
  });

  it('answers 409 while a webhook is set, and a waiting call when one is set', async () => {
    const waiting = call('getUpdates', { timeout: 30 });
    await sandbox.telegram.waitForLongPoll(bot.username);
    expect((await call('setWebhook', { url: 'https://127.0.0.1:8443/telegram' })).body.ok).toBe(
      true,
    );
    expect((await waiting).body).toEqual({
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by setWebhook request',
    });
    expect(await call('getUpdates')).toEqual({
      status: 409,
      body: { ok: false, error_code: 409, description: WEBHOOK_ACTIVE },
    });
    await call('deleteWebhook');
    expect((await call('getUpdates')).status).toBe(200);
  });

  it('queues only the kinds allowed_updates names', async () => {
    await call('getUpdates', { allowed_updates: ['callback_query'] });
    sandbox.telegram.write(bot.username, anna, 'not wanted');
    expect((await call('getUpdates')).body.result).toEqual([]);
    await call('getUpdates', { allowed_updates: JSON.stringify([]) });
    sandbox.telegram.write(bot.username, anna, 'wanted');
    expect(texts(await call('getUpdates'))).toEqual(['wanted']);
  });

  it('forgets updates nobody took in 24 hours', async () => {
    sandbox.telegram.write(bot.username, anna, 'old');
    sandbox.clock.advance(24 * 3600_000 + 1000);
    sandbox.telegram.write(bot.username, anna, 'new');
    expect(texts(await call('getUpdates'))).toEqual(['new']);
  });
});
