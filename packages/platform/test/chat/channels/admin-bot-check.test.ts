import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../../support/databases';
import { startPlatform, type TestPlatform } from '../../support/platform';

const TELEGRAM_TOKEN = '123456789:AAHvalidTokenOfTheTestBot_0123456789';
/** A well-formed token the local API answers by closing the connection. */
const HANGUP_TOKEN = '123456789:AAHhangupHANGUPhangup_0123456789';
const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-daec9cbb4448b2d6';

/** The requests the bot API server saw: method, path, Viber's auth header. */
const seen: { method: string; path: string; token: string | undefined }[] = [];

function reply(request: IncomingMessage): { status: number; body: unknown } {
  const url = request.url ?? '';
  if (request.method === 'GET' && url === `/bot${TELEGRAM_TOKEN}/getMe`) {
    return {
      status: 200,
      body: {
        ok: true,
        result: { id: 123456789, is_bot: true, first_name: 'Shop Bot', username: 'shop_bot' },
      },
    };
  }
  if (request.method === 'GET' && /^\/bot[^/]+\/getMe$/.test(url)) {
    return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
  }
  if (request.method === 'POST' && url === '/pa/get_account_info') {
    return request.headers['x-viber-auth-token'] === VIBER_TOKEN
      ? {
          status: 200,
          body: { status: 0, status_message: 'ok', name: 'Shop Viber', uri: 'shopviber' },
        }
      : { status: 200, body: { status: 2, status_message: 'invalidAuthToken' } };
  }
  return { status: 404, body: {} };
}

/** A local server speaking the Telegram Bot API (getMe) and Viber's REST API (get_account_info). */
function botApi(): Server {
  return createServer((request, response) => {
    seen.push({
      method: request.method ?? '',
      path: request.url ?? '',
      token: request.headers['x-viber-auth-token'] as string | undefined,
    });
    if (request.url?.includes(HANGUP_TOKEN)) return void request.socket.destroy();
    const { status, body } = reply(request);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
}

describe.each(engines.filter((engine) => engine.name === 'sqlite'))(
  'bot token check on $name',
  (engine) => {
    let database: TestDatabase;
    let t: TestPlatform;
    let api: Server;
    let marketer: Awaited<ReturnType<TestPlatform['signIn']>>;
    let operator: typeof marketer;

    beforeAll(async () => {
      api = botApi();
      await new Promise<void>((done) => api.listen(0, '127.0.0.1', done));
      const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
      database = await engine.open();
      t = await startPlatform(database, {
        env: { TELEGRAM_API_URL: base, VIBER_API_URL: `${base}/` },
      });
      [marketer, operator] = await Promise.all([t.signIn('marketer'), t.signIn('operator')]);
    });
    afterAll(async () => {
      await t?.close();
      await database?.drop();
      await new Promise((done) => api?.close(done));
    });

    const check = (who: typeof marketer, body: unknown) =>
      who('/v1/admin/bot-check', { method: 'POST', body: JSON.stringify(body) });

    it('names a Telegram bot by getMe: its first name and username', async () => {
      const response = await check(marketer, { channel: 'telegram', token: TELEGRAM_TOKEN });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ name: 'Shop Bot', handle: 'shop_bot' });
      expect(seen.at(-1)).toMatchObject({ method: 'GET', path: `/bot${TELEGRAM_TOKEN}/getMe` });
    });

    it('names a Viber bot by get_account_info, the token in X-Viber-Auth-Token', async () => {
      const response = await check(marketer, { channel: 'viber', token: VIBER_TOKEN });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ name: 'Shop Viber', handle: 'shopviber' });
      expect(seen.at(-1)).toEqual({
        method: 'POST',
        path: '/pa/get_account_info',
        token: VIBER_TOKEN,
      });
    });

    it('answers invalidAuthToken for tokens the APIs refuse', async () => {
      for (const body of [
        { channel: 'telegram', token: '123456789:AAHwrongTokenOfTheTestBot_0123456789' },
        { channel: 'viber', token: '0000000000000000-0000000000000000' },
      ]) {
        const response = await check(marketer, body);
        expect(response.status).toBe(400);
        expect((await response.json()).error).toMatchObject({
          code: 'invalidAuthToken',
          field: 'token',
        });
      }
    });

    it('refuses a malformed token before asking the API, and operators', async () => {
      const before = seen.length;
      const malformed = await check(marketer, { channel: 'telegram', token: '../../admin' });
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error).toMatchObject({ code: 'invalid', field: 'token' });
      expect(seen.length).toBe(before);
      const forbidden = await check(operator, { channel: 'telegram', token: TELEGRAM_TOKEN });
      expect(forbidden.status).toBe(403);
    });

    it("checks the token stored on a widget when none is sent, the widget being the account's", async () => {
      const chat = defaultSettings('chat') as ChatSettings;
      const settings = {
        ...chat,
        channels: {
          ...chat.channels,
          telegram: { enabled: true, receiver: null, botToken: TELEGRAM_TOKEN, botName: 'x_bot' },
          viber: { enabled: true, receiver: null, botName: 'Shop', uri: 'shop' },
        },
      };
      const created = await marketer('/v1/admin/widgets', {
        method: 'POST',
        body: JSON.stringify({ type: 'chat', name: 'Bots', settings }),
      });
      const widget = await created.json();
      const stored = await check(marketer, { channel: 'telegram', widget: widget.id });
      expect(stored.status).toBe(200);
      expect(await stored.json()).toEqual({ name: 'Shop Bot', handle: 'shop_bot' });
      expect(seen.at(-1)).toMatchObject({ path: `/bot${TELEGRAM_TOKEN}/getMe` });

      // Nothing stored for Viber, nothing sent: the Studio must ask for a token.
      const before = seen.length;
      for (const body of [{ channel: 'viber', widget: widget.id }, { channel: 'telegram' }]) {
        const none = await check(marketer, body);
        expect(none.status).toBe(400);
        expect((await none.json()).error).toMatchObject({ code: 'no_token', field: 'token' });
      }
      const other = await t.platform.store.accounts.create({
        name: 'Other',
        sipDomain: 'o.sip.test',
      });
      const foreign = await t.platform.store.widgets.create({
        accountId: other.id,
        type: 'chat',
        name: 'Foreign',
        settings: settings as typeof chat,
        now: t.clock().getTime(),
      });
      const theirs = await check(marketer, { channel: 'telegram', widget: foreign.id });
      expect(theirs.status).toBe(404);
      expect(seen.length).toBe(before);
    });

    it('says the bot API is unavailable when it hangs up', async () => {
      const response = await check(marketer, { channel: 'telegram', token: HANGUP_TOKEN });
      expect(response.status).toBe(502);
      expect((await response.json()).error.code).toBe('bot_api_unavailable');
    });
  },
);
