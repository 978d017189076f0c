import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, SandboxBot } from '../../src/index';
import { botApi, startSandbox, type TestSandbox } from '../support/sandbox';

const TOKEN = '123456789:AAHfixedTokenOfTheShopBot_0123456789';

let sandbox: TestSandbox;
let bot: SandboxBot;
let anna: Customer;
let call: ReturnType<typeof botApi>;

beforeAll(async () => {
  sandbox = await startSandbox();
  bot = sandbox.telegram.createBot({ username: 'shop_bot', firstName: 'Shop Bot', token: TOKEN });
  anna = sandbox.telegram.customer({ firstName: 'Anna' });
  call = botApi(sandbox.telegram.apiUrl, TOKEN);
});
afterAll(() => sandbox?.close());

describe('the Bot API', () => {
  it('makes tokens of Telegram shape, the bot id before the colon', () => {
    const made = sandbox.telegram.createBot({ username: 'made_bot' });
    expect(made.token).toMatch(/^\d+:AA[A-Za-z0-9_-]{33}$/);
    expect(made.token.split(':')[0]).toBe(String(made.id));
    expect(made.firstName).toBe('made_bot');
    expect(bot.id).toBe(123456789);
  });

  it('makes a bot an id no bot has, past one given with a token (as the demo’s bot is)', () => {
    const next = sandbox.telegram.createBot({ username: 'probe_bot' }).id + 1;
    const given = sandbox.telegram.createBot({
      username: 'given_bot',
      token: `${next}:AAgivenTokenOfTheNextId_0123456789abc`,
    });
    expect(given.id).toBe(next);
    const made = sandbox.telegram.createBot({ username: 'after_bot' });
    expect(made.id).toBe(next + 1);
  });

  it('answers getMe with the bot as a user, by GET or POST, the method in any case', async () => {
    const expected = {
      ok: true,
      result: expect.objectContaining({
        id: 123456789,
        is_bot: true,
        first_name: 'Shop Bot',
        username: 'shop_bot',
        can_join_groups: true,
        supports_inline_queries: false,
      }),
    };
    expect((await call('getMe')).body).toEqual(expected);
    const get = await fetch(`${sandbox.telegram.apiUrl}/bot${TOKEN}/GETME`);
    expect(await get.json()).toEqual(expected);
  });

  it('answers 401 Unauthorized to a token no bot has, getMe included', async () => {
    const wrong = botApi(sandbox.telegram.apiUrl, '123456789:AAHsomeoneElsesTokenNotTheShopBot_01');
    for (const method of ['getMe', 'getUpdates', 'sendMessage']) {
      expect(await wrong(method)).toEqual({
        status: 401,
        body: { ok: false, error_code: 401, description: 'Unauthorized' },
      });
    }
    expect((await botApi(sandbox.telegram.apiUrl, 'not-a-token')('getMe')).body.description).toBe(
      'Unauthorized: invalid token specified',
    );
  });

  it('answers 404 to a method it does not have and to other paths', async () => {
    expect(await call('sendPhoto')).toEqual({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found: method not found' },
    });
    const other = await fetch(`${sandbox.telegram.apiUrl}/favicon.ico`);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('answers 429 with retry_after while flood control holds, counting down by the clock', async () => {
    sandbox.telegram.write('shop_bot', anna, 'Hi');
    sandbox.telegram.faults.rateLimit({ retryAfter: 5, bot: 'shop_bot' });
    expect(await call('sendMessage', { chat_id: anna.id, text: 'Hello' })).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 5',
        parameters: { retry_after: 5 },
      },
    });
    // getUpdates is not a sending method: it goes on.
    expect((await call('getUpdates')).status).toBe(200);
    sandbox.clock.advance(3000);
    expect((await call('sendChatAction', { chat_id: anna.id, action: 'typing' })).body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    });
    sandbox.clock.advance(2000);
    expect((await call('sendMessage', { chat_id: anna.id, text: 'Hello' })).body.ok).toBe(true);
  });

  it('limits only the methods and the bot named', async () => {
    const other = sandbox.telegram.createBot({ username: 'other_bot' });
    sandbox.telegram.write('other_bot', anna, 'Hi');
    sandbox.telegram.faults.rateLimit({ retryAfter: 60, methods: ['getMe'], bot: 'shop_bot' });
    expect((await call('getMe')).status).toBe(429);
    expect((await call('sendMessage', { chat_id: anna.id, text: 'still fine' })).status).toBe(200);
    expect((await botApi(sandbox.telegram.apiUrl, other.token)('getMe')).status).toBe(200);
    await sandbox.telegram.faults.clear();
    expect((await call('getMe')).status).toBe(200);
  });

  it('limits only the chat named', async () => {
    const ben = sandbox.telegram.customer({ firstName: 'Ben' });
    sandbox.telegram.write('shop_bot', anna, 'Hi');
    sandbox.telegram.write('shop_bot', ben, 'Hi');
    sandbox.telegram.faults.rateLimit({ retryAfter: 3, bot: 'shop_bot', chatId: anna.id });
    expect((await call('sendMessage', { chat_id: anna.id, text: 'Hello' })).body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    expect((await call('sendMessage', { chat_id: ben.id, text: 'Hello' })).status).toBe(200);
    sandbox.clock.advance(3000);
    expect((await call('sendMessage', { chat_id: anna.id, text: 'Hello' })).status).toBe(200);
  });

  it('answers 403 to a customer who blocked the bot', async () => {
    sandbox.telegram.write('shop_bot', anna, 'Bye');
    sandbox.telegram.setBlocked('shop_bot', anna.id, true);
    const forbidden = {
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    };
    expect(await call('sendMessage', { chat_id: anna.id, text: 'Come back' })).toEqual(forbidden);
    expect(await call('sendChatAction', { chat_id: anna.id, action: 'typing' })).toEqual(forbidden);
    sandbox.telegram.setBlocked('shop_bot', anna.id, false);
    expect((await call('sendMessage', { chat_id: anna.id, text: 'Welcome back' })).status).toBe(
      200,
    );
  });

  it('answers 400 in Telegram words to a body it cannot read', async () => {
    const response = await fetch(`${sandbox.telegram.apiUrl}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"chat_id":',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, error_code: 400 });
    expect(body.description).toMatch(/^Bad Request: /);
  });
});
