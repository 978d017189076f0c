/**
 * The sandbox's VK API as dev.vk.com documents it: methods answer `{ response }` or VK's error
 * objects; the Bots Long Poll server hands out events from a `ts`, holds a request while there
 * are none, and fails 1/2/3 as documented; messages.send drops a repeated random_id; the
 * Callback API confirms a server by its code and posts events with the secret until `ok`.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VkCommunity, VkUser } from '../../src/index';
import { startSandbox, type TestSandbox } from '../support/sandbox';
import { type ThrowawayCa, throwawayCa } from '../support/throwaway-ca';

let ca: ThrowawayCa;
let sandbox: TestSandbox;
let community: VkCommunity;
let user: VkUser;
let n = 0;
const servers: Server[] = [];

beforeAll(async () => {
  ca = await throwawayCa();
  sandbox = await startSandbox({
    caFile: ca.caFile,
    vk: { callbackRetry: { firstMs: 5, maxMs: 20 } },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await ca?.remove();
});
afterEach(async () => {
  await sandbox.vk.faults.clear();
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((done) => server.close(done));
    }),
  );
});

/** A fresh community and a user who wrote to it once. */
function setUp() {
  n += 1;
  community = sandbox.vk.createCommunity({ name: `Shop ${n}`, screenName: `shop_${n}` });
  user = sandbox.vk.user({ name: 'Olga Petrova' });
}

// biome-ignore lint/suspicious/noExplicitAny: VK's answers, read as JSON.
type Answer = any;

/** Calls `method` as VK's clients do: a form-encoded POST with the token and `v`. */
async function call(
  method: string,
  params: Record<string, string | number> = {},
  token = community.token,
): Promise<Answer> {
  const body = new URLSearchParams({ access_token: token, v: '5.199' });
  for (const [key, value] of Object.entries(params)) body.set(key, String(value));
  const response = await fetch(`${sandbox.vk.apiUrl}/method/${method}`, { method: 'POST', body });
  expect(response.status).toBe(200);
  return response.json();
}

async function longPoll(
  server: { key: string; server: string },
  ts: string | number,
  wait = 0,
): Promise<Answer> {
  const response = await fetch(
    `${server.server}?act=a_check&key=${server.key}&ts=${ts}&wait=${wait}`,
  );
  return response.json();
}

describe('the methods', () => {
  it('names the token’s community and refuses a bad token, a missing version and a missing parameter', async () => {
    setUp();
    expect((await call('groups.getById')).response.groups).toEqual([
      expect.objectContaining({
        id: community.id,
        name: community.name,
        screen_name: community.screenName,
      }),
    ]);
    const bad = await call('groups.getById', {}, 'vk1.a.nobody-has-this-token-at-all');
    expect(bad.error).toMatchObject({
      error_code: 5,
      error_msg: expect.stringMatching(/authorization failed/),
    });
    expect(JSON.stringify(bad)).not.toContain('nobody-has-this-token');
    const noVersion = await (
      await fetch(`${sandbox.vk.apiUrl}/method/groups.getById?access_token=${community.token}`)
    ).json();
    expect(noVersion.error.error_code).toBe(8);
    const noPeer = await call('messages.send', { random_id: 1, message: 'Hi' });
    expect(noPeer.error).toMatchObject({
      error_code: 100,
      request_params: expect.arrayContaining([{ key: 'method', value: 'messages.send' }]),
    });
  });

  it('sends once per random_id, refuses a user who did not allow messages (901), a long text (914) and a rate limit (9)', async () => {
    setUp();
    expect(
      (await call('messages.send', { peer_id: user.id, random_id: 7, message: 'Hi' })).error
        .error_code,
    ).toBe(901);
    sandbox.vk.write(community, user, 'Hello');
    const first = await call('messages.send', { peer_id: user.id, random_id: 7, message: 'Hi' });
    const again = await call('messages.send', { peer_id: user.id, random_id: 7, message: 'Hi' });
    expect(again.response).toBe(first.response);
    expect(sandbox.vk.messages(community, user.id).map((m) => [m.from, m.text])).toEqual([
      ['user', 'Hello'],
      ['community', 'Hi'],
    ]);
    const long = await call('messages.send', {
      peer_id: user.id,
      random_id: 8,
      message: 'x'.repeat(4097),
    });
    expect(long.error.error_code).toBe(914);
    sandbox.vk.faults.rateLimit(60);
    expect(
      (await call('messages.send', { peer_id: user.id, random_id: 9, message: 'Later' })).error
        .error_code,
    ).toBe(9);
    sandbox.clock.advance(61_000);
    expect(
      (await call('messages.send', { peer_id: user.id, random_id: 9, message: 'Later' })).response,
    ).toEqual(expect.any(Number));
    sandbox.vk.allow(community, user, false);
    expect(
      (await call('messages.send', { peer_id: user.id, random_id: 10, message: 'No' })).error
        .error_code,
    ).toBe(901);
  });

  it('shows typing to the user', async () => {
    setUp();
    sandbox.vk.write(community, user, 'Hello');
    const typing = sandbox.vk.waitForEvent((e) => e.type === 'typing' && e.userId === user.id);
    expect(
      (
        await call('messages.setActivity', {
          peer_id: user.id,
          type: 'typing',
          group_id: community.id,
        })
      ).response,
    ).toBe(1);
    await typing;
  });
});

describe('the Bots Long Poll server', () => {
  it('hands out message_new from a ts, holds a request until one comes, and carries the link’s ref once', async () => {
    setUp();
    await call('groups.setLongPollSettings', {
      group_id: community.id,
      enabled: 1,
      message_new: 1,
      api_version: '5.199',
    });
    const server = (await call('groups.getLongPollServer', { group_id: community.id })).response;
    sandbox.vk.open(community, user, 'handoff-token');
    const held = longPoll(server, server.ts, 20);
    await sandbox.vk.waitForEvent((e) => e.type === 'long-poll');
    sandbox.vk.write(community, user, 'First');
    const answer = await held;
    expect(answer.ts).toBe(String(Number(server.ts) + 1));
    expect(answer.updates).toEqual([
      expect.objectContaining({
        type: 'message_new',
        group_id: community.id,
        object: expect.objectContaining({
          message: expect.objectContaining({
            from_id: user.id,
            peer_id: user.id,
            text: 'First',
            ref: 'handoff-token',
            ref_source: 'vk.me',
          }),
        }),
      }),
    ]);
    sandbox.vk.write(community, user, 'Second');
    const next = await longPoll(server, answer.ts);
    expect(next.updates.map((u: Answer) => [u.object.message.text, u.object.message.ref])).toEqual([
      ['Second', undefined],
    ]);
    // Events are not consumed: the same ts reads them again.
    expect((await longPoll(server, server.ts)).updates).toHaveLength(2);
  });

  it('fails 1 (history out of date, new ts), 2 (key expired) and 3 (information lost)', async () => {
    setUp();
    await call('groups.setLongPollSettings', {
      group_id: community.id,
      enabled: 1,
      message_new: 1,
    });
    let server = (await call('groups.getLongPollServer', { group_id: community.id })).response;
    sandbox.vk.write(community, user, 'Lost');
    sandbox.vk.faults.longPollFails(community, 1);
    expect(await longPoll(server, server.ts)).toEqual({ failed: 1, ts: Number(server.ts) + 1 });
    sandbox.vk.faults.longPollFails(community, 2);
    expect(await longPoll(server, Number(server.ts) + 1)).toEqual({ failed: 2 });
    server = (await call('groups.getLongPollServer', { group_id: community.id })).response;
    sandbox.vk.faults.longPollFails(community, 3);
    expect(await longPoll(server, server.ts)).toEqual({ failed: 3 });
  });

  it('carries nothing while long poll is off', async () => {
    setUp();
    const server = (await call('groups.getLongPollServer', { group_id: community.id })).response;
    sandbox.vk.write(community, user, 'Unheard');
    expect(await longPoll(server, server.ts)).toEqual({ ts: server.ts, updates: [] });
  });
});

describe('the Callback API', () => {
  /** An https server answering the confirmation with `code` and then `answers(n)`. */
  async function callbackServer(code: () => string, answers: (n: number) => string) {
    const seen: Answer[] = [];
    const server = createServer({ key: ca.key, cert: ca.cert }, (request, response) => {
      let raw = '';
      request.on('data', (chunk) => {
        raw += chunk;
      });
      request.on('end', () => {
        const body = JSON.parse(raw);
        if (body.type === 'confirmation') return response.end(code());
        seen.push(body);
        response.end(answers(seen.length - 1));
      });
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return { seen, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/vk` };
  }

  it('confirms a server answering the code, then posts events with the secret until it answers ok', async () => {
    setUp();
    const { code } = (await call('groups.getCallbackConfirmationCode', { group_id: community.id }))
      .response;
    const { seen, url } = await callbackServer(
      () => code,
      (i) => (i === 0 ? 'not yet' : 'ok'),
    );
    const added = await call('groups.addCallbackServer', {
      group_id: community.id,
      url,
      title: 'Frontdesk',
      secret_key: 's3cret',
    });
    await call('groups.setCallbackSettings', {
      group_id: community.id,
      server_id: added.response.server_id,
      message_new: 1,
      api_version: '5.199',
    });
    expect(sandbox.vk.delivery(community).servers).toEqual([
      { url, status: 'ok', events: ['message_new'], pending: 0 },
    ]);
    sandbox.vk.write(community, user, 'Hello');
    await sandbox.vk.waitForEvent((e) => e.type === 'callback-delivered');
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({
      type: 'message_new',
      secret: 's3cret',
      group_id: community.id,
    });
  });

  it('leaves a server answering a wrong code unconfirmed, and refuses an http URL', async () => {
    setUp();
    const { seen, url } = await callbackServer(
      () => 'wrong',
      () => 'ok',
    );
    await call('groups.addCallbackServer', { group_id: community.id, url, title: 'Frontdesk' });
    expect(sandbox.vk.delivery(community).servers[0]?.status).toBe('failed');
    sandbox.vk.write(community, user, 'Hello');
    expect(seen).toEqual([]);
    const http = await call('groups.addCallbackServer', {
      group_id: community.id,
      url: 'http://127.0.0.1/vk',
      title: 'x',
    });
    expect(http.error.error_code).toBe(100);
  });
});
