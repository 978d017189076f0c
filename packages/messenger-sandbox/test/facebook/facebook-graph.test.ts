/**
 * The sandbox's Messenger Platform against an https webhook with a throwaway CA: the Dashboard's
 * GET verification, events signed with the app secret (X-Hub-Signature-256) once the page
 * subscribed the app (what waits batched into one request, as Facebook does), and the Send API's answers — typing, the 24-hour window, HUMAN_AGENT up to
 * 7 days, 551, 613, 190 — as Graph API errors; the User Profile API.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookSignature } from '../../src/index';
import { startSandbox, type TestSandbox } from '../support/sandbox';
import { type ThrowawayCa, throwawayCa } from '../support/throwaway-ca';

let ca: ThrowawayCa;
let sandbox: TestSandbox;
let server: Server;
let url: string;
// biome-ignore lint/suspicious/noExplicitAny: events as JSON.
const posts: { raw: string; signature: string | undefined; body: any }[] = [];

beforeAll(async () => {
  ca = await throwawayCa();
  sandbox = await startSandbox({
    caFile: ca.caFile,
    facebook: { deliveryRetry: { firstMs: 5, maxMs: 20 } },
  });
  server = createServer({ key: ca.key, cert: ca.cert }, (request, response) => {
    const query = new URL(request.url ?? '/', 'https://x').searchParams;
    if (request.method === 'GET') {
      const ok = query.get('hub.verify_token') === 'verify-me';
      response.writeHead(ok ? 200 : 403).end(ok ? (query.get('hub.challenge') ?? '') : 'no');
      return;
    }
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const signature = request.headers['x-hub-signature-256'] as string | undefined;
      posts.push({ raw, signature, body: JSON.parse(raw) });
      response.writeHead(200).end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/facebook`;
});
afterAll(async () => {
  await sandbox?.close();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  await ca?.remove();
});

const graph = async (path: string, body: object) => {
  const response = await fetch(`${sandbox.facebook.graphUrl}/v21.0${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the Graph API's JSON.
  return { status: response.status, body: (await response.json()) as any };
};

describe('the Messenger Platform', () => {
  it('verifies the callback URL, and refuses a wrong verify token', async () => {
    await expect(sandbox.facebook.setWebhook(url, 'wrong')).rejects.toThrow(
      "The URL couldn't be validated. Response status: 403",
    );
    await sandbox.facebook.setWebhook(url, 'verify-me');
  });

  it('posts a message, signed with the app secret, once the page subscribed the app', async () => {
    const page = sandbox.facebook.createPage({ name: 'Shop', username: 'shop.page' });
    const anna = sandbox.facebook.person({ name: 'Anna' });
    sandbox.facebook.write(page, anna, 'Not subscribed yet');
    expect(sandbox.facebook.pending()).toBe(0);
    const subscribed = await graph(`/${page.id}/subscribed_apps`, {
      access_token: page.token,
      subscribed_fields: 'messages,messaging_postbacks,messaging_referrals',
    });
    expect(subscribed.body).toEqual({ success: true });
    const delivered = sandbox.facebook.waitForEvent((e) => e.type === 'webhook-delivered');
    const sent = sandbox.facebook.write(page, anna, 'Hello');
    await delivered;
    const last = posts.at(-1);
    expect(last?.signature).toBe(facebookSignature(last?.raw ?? '', sandbox.facebook.app.secret));
    expect(last?.body).toMatchObject({
      object: 'page',
      entry: [
        {
          id: page.id,
          messaging: [
            { sender: { id: anna.psid }, recipient: { id: page.id }, message: { mid: sent.mid } },
          ],
        },
      ],
    });
  });

  it('puts the events that wait into one request, an entry each in order; counts what waits by page', async () => {
    const subscribe = (page: { id: string; token: string }) =>
      graph(`/${page.id}/subscribed_apps`, {
        access_token: page.token,
        subscribed_fields: 'messages',
      });
    const shop = sandbox.facebook.createPage({ name: 'Shop', username: 'batch.shop' });
    const desk = sandbox.facebook.createPage({ name: 'Desk', username: 'batch.desk' });
    await subscribe(shop);
    await subscribe(desk);
    const anna = sandbox.facebook.person({ name: 'Anna' });
    const boris = sandbox.facebook.person({ name: 'Boris' });
    const before = posts.length;
    const one = sandbox.facebook.write(shop, anna, 'One');
    const two = sandbox.facebook.write(desk, boris, 'Two');
    const three = sandbox.facebook.write(shop, anna, 'Three');
    expect([
      sandbox.facebook.pending(),
      sandbox.facebook.pending(shop),
      sandbox.facebook.pending(desk),
    ]).toEqual([3, 2, 1]);
    await sandbox.facebook.waitForEvent(
      (e) => e.type === 'webhook-delivered' && e.mid === three.mid,
    );
    expect(posts.length - before).toBe(1);
    expect(
      // biome-ignore lint/suspicious/noExplicitAny: the event's JSON.
      posts.at(-1)?.body.entry.map((e: any) => [e.id, e.messaging[0].message.mid]),
    ).toEqual([
      [shop.id, one.mid],
      [desk.id, two.mid],
      [shop.id, three.mid],
    ]);
    expect(sandbox.facebook.pending()).toBe(0);
  });

  it('answers the Send API as Graph does: typing, the window, HUMAN_AGENT, 551, 613, 190', async () => {
    const page = sandbox.facebook.createPage({
      name: 'Desk',
      username: 'desk.page',
      humanAgent: true,
    });
    const anna = sandbox.facebook.person({ name: 'Anna' });
    const to = (extra: object = {}) => ({
      access_token: page.token,
      recipient: { id: anna.psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Hi' },
      ...extra,
    });
    expect((await graph('/me/messages', to())).body.error).toMatchObject({
      code: 100,
      error_subcode: 2018001,
    });
    sandbox.facebook.write(page, anna, 'Hello');
    const typing = sandbox.facebook.waitForEvent((e) => e.type === 'typing');
    expect(
      (await graph('/me/messages', { ...to(), message: undefined, sender_action: 'typing_on' }))
        .body,
    ).toEqual({ recipient_id: anna.psid });
    await typing;
    expect((await graph('/me/messages', to())).body).toMatchObject({ recipient_id: anna.psid });
    sandbox.clock.advance(25 * 60 * 60 * 1000);
    const late = await graph('/me/messages', to());
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({
      message: '(#10) This message is sent outside of allowed window.',
      type: 'OAuthException',
      code: 10,
      error_subcode: 2018278,
    });
    const tagged = to({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect((await graph('/me/messages', tagged)).body).toMatchObject({ recipient_id: anna.psid });
    sandbox.clock.advance(7 * 24 * 60 * 60 * 1000);
    expect((await graph('/me/messages', tagged)).body.error.code).toBe(10);
    sandbox.facebook.write(page, anna, 'Back');
    sandbox.facebook.faults.rateLimit(10);
    expect((await graph('/me/messages', to())).body.error.code).toBe(613);
    await sandbox.facebook.faults.clear();
    sandbox.facebook.faults.unavailable(anna.psid);
    expect((await graph('/me/messages', to())).body.error).toMatchObject({ code: 551 });
    await sandbox.facebook.faults.clear();
    expect(
      (await graph('/me/messages', { ...to(), access_token: 'EAAGnope' })).body.error.code,
    ).toBe(190);
  });

  it('answers the User Profile API for people who wrote to the page, and only them', async () => {
    const page = sandbox.facebook.createPage({ name: 'Profiles', username: 'profiles.page' });
    const boris = sandbox.facebook.person({ name: 'Boris Ivanovich Petrov' });
    const profile = async (psid: string, query: string, token = page.token) => {
      const response = await fetch(
        `${sandbox.facebook.graphUrl}/v21.0/${psid}?${query}&access_token=${token}`,
      );
      // biome-ignore lint/suspicious/noExplicitAny: the Graph API's JSON.
      return { status: response.status, body: (await response.json()) as any };
    };
    // Page-scoped: unknown to the page until they write to it.
    expect(await profile(boris.psid, 'fields=first_name,last_name')).toMatchObject({
      status: 400,
      body: { error: { code: 100, error_subcode: 33, type: 'GraphMethodException' } },
    });
    sandbox.facebook.write(page, boris, 'Hi');
    expect(await profile(boris.psid, 'fields=first_name,last_name')).toEqual({
      status: 200,
      body: { id: boris.psid, first_name: 'Boris', last_name: 'Ivanovich Petrov' },
    });
    expect((await profile(boris.psid, 'x=1')).body).toEqual({
      id: boris.psid,
      name: 'Boris Ivanovich Petrov',
    });
    expect((await profile(boris.psid, 'fields=first_name', 'EAAGnope')).body.error.code).toBe(190);
  });
});
