import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botApi, startSandbox, type TestSandbox } from '../support/sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

/** A JSON call of the control API: the status and the body (null for none). */
async function control(path: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${sandbox.url}/control/telegram${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Reads server-sent events from `response` until `count` have come: [event, data][]. */
async function readEvents(response: Response, count: number): Promise<[string, unknown][]> {
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  const events: [string, unknown][] = [];
  let buffer = '';
  while (reader && events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push([event, JSON.parse(data)]);
      end = buffer.indexOf('\n\n');
    }
  }
  await reader?.cancel();
  return events;
}

describe('the Telegram control API', () => {
  it('makes bots with tokens of Telegram shape, and lists them without their tokens', async () => {
    const made = await control('/bots', 'POST', { username: 'page_bot', firstName: 'Page Bot' });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      id: expect.any(Number),
      username: 'page_bot',
      firstName: 'Page Bot',
      token: expect.stringMatching(/^\d+:[A-Za-z0-9_-]{35}$/),
    });
    const listed = await control('/bots');
    expect(listed.body).toContainEqual({
      id: made.body.id,
      username: 'page_bot',
      firstName: 'Page Bot',
    });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);
  });

  it('refuses bad input naming the field, and what does not exist with 404', async () => {
    expect(await control('/bots', 'POST', { username: 'no' })).toEqual({
      status: 400,
      body: { error: { code: 'invalid', field: 'username', message: expect.any(String) } },
    });
    expect((await control('/bots', 'POST', { username: 'page_bot' })).body.error).toMatchObject({
      code: 'taken',
      field: 'username',
    });
    expect(
      (await control('/customers', 'POST', { lastName: 'Nameless' })).body.error,
    ).toMatchObject({
      code: 'invalid',
      field: 'firstName',
    });
    expect((await control('/bots/ghost_bot/chats')).status).toBe(404);
    expect(
      (await control('/bots/page_bot/chats/1/messages', 'POST', { text: 'hi' })).body.error,
    ).toMatchObject({ code: 'not_found', field: 'customer' });
  });

  it('lets a customer write, start and press; the bot gets each, the chat keeps them', async () => {
    const bot = (await control('/bots', 'POST', { username: 'flow_bot' })).body;
    const call = botApi(sandbox.telegram.apiUrl, bot.token);
    const anna = (await control('/customers', 'POST', { firstName: 'Anna', username: 'anna_p' }))
      .body;
    expect(anna).toEqual({ id: expect.any(Number), firstName: 'Anna', username: 'anna_p' });
    await control(`/bots/flow_bot/chats/${anna.id}/start`, 'POST', { payload: 'tok123' });
    await control(`/bots/flow_bot/chats/${anna.id}/messages`, 'POST', { text: 'Hello' });
    const sent = await call('sendMessage', {
      chat_id: anna.id,
      text: 'Rate us',
      reply_markup: { inline_keyboard: [[{ text: 'Good', callback_data: 'good' }]] },
    });
    const pressed = await control(`/bots/flow_bot/chats/${anna.id}/presses`, 'POST', {
      messageId: sent.body.result.message_id,
      data: 'good',
    });
    expect(pressed.status).toBe(201);
    const updates = (await call('getUpdates')).body.result;
    expect(updates.map((u: { message?: { text: string } }) => u.message?.text ?? 'button')).toEqual(
      ['/start tok123', 'Hello', 'button'],
    );
    const messages = (await control(`/bots/flow_bot/chats/${anna.id}/messages`)).body;
    expect(messages.map((entry: { sender: string }) => entry.sender)).toEqual([
      'customer',
      'customer',
      'bot',
    ]);
    expect((await control('/bots/flow_bot/chats')).body).toEqual([
      {
        id: anna.id,
        customer: anna,
        blocked: false,
        messageCount: 3,
        lastMessageDate: Date.parse('2026-03-04T07:00:00Z') / 1000,
      },
    ]);
    expect(
      (await control(`/bots/flow_bot/chats/${anna.id}/blocked`, 'PUT', { blocked: true })).status,
    ).toBe(204);
    expect((await call('sendMessage', { chat_id: anna.id, text: 'x' })).status).toBe(403);
    expect((await control('/bots/flow_bot/webhook')).body).toMatchObject({ url: '' });
  });

  it('streams a chat: what is there first, then each message and typing as it comes', async () => {
    const bot = (await control('/bots', 'POST', { username: 'stream_bot' })).body;
    const call = botApi(sandbox.telegram.apiUrl, bot.token);
    const boris = (await control('/customers', 'POST', { firstName: 'Boris' })).body;
    await control(`/bots/stream_bot/chats/${boris.id}/messages`, 'POST', { text: 'Hi' });
    const stream = await fetch(
      `${sandbox.url}/control/telegram/bots/stream_bot/chats/${boris.id}/events`,
    );
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // The sandbox follows the chat before its first write: once the headers are here, it does.
    const events = readEvents(stream, 3);
    await call('sendChatAction', { chat_id: boris.id, action: 'typing' });
    await call('sendMessage', { chat_id: boris.id, text: 'Hello Boris' });
    const [snapshot, typing, message] = await events;
    expect(snapshot).toEqual([
      'snapshot',
      { messages: [expect.objectContaining({ sender: 'customer' })], blocked: false },
    ]);
    expect(typing).toEqual([
      'typing',
      expect.objectContaining({ action: 'typing', chatId: boris.id }),
    ]);
    expect(message).toEqual([
      'message',
      expect.objectContaining({ entry: expect.objectContaining({ sender: 'bot' }) }),
    ]);
  });

  it('sets and clears faults', async () => {
    const bot = (await control('/bots', 'POST', { username: 'faulty_bot' })).body;
    const call = botApi(sandbox.telegram.apiUrl, bot.token);
    expect((await control('/faults', 'POST', { down: 'refused' })).status).toBe(204);
    await expect(call('getMe')).rejects.toThrow();
    expect((await control('/faults', 'DELETE')).status).toBe(204);
    expect((await call('getMe')).status).toBe(200);
    await control('/faults', 'POST', { rateLimit: { retryAfter: 7, methods: ['getMe'] } });
    expect((await call('getMe')).body.parameters).toEqual({ retry_after: 7 });
    await control('/faults', 'DELETE');
    expect((await control('/faults', 'POST', { down: 'sideways' })).body.error).toMatchObject({
      field: 'down',
    });
  });
});
