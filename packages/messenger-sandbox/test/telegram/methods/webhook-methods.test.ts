import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_WEBHOOK_PORTS } from '../../../src/index';
import { type ChatFixture, chatFixture } from '../../support/chat';
import { botApi, startSandbox } from '../../support/sandbox';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

const bad = (description: string) => ({
  status: 400,
  body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
});

describe('setWebhook, deleteWebhook, getWebhookInfo', () => {
  it('refuses a webhook that is not https, and keeps none', async () => {
    expect(await t.call('setWebhook', { url: 'http://127.0.0.1:8080/telegram' })).toEqual(
      bad('bad webhook: An HTTPS URL must be provided for webhook'),
    );
    expect(await t.call('setWebhook', { url: 'not a url' })).toEqual(
      bad('invalid webhook URL specified'),
    );
    expect((await t.call('getWebhookInfo')).body.result.url).toBe('');
    expect((await t.call('getUpdates')).status).toBe(200);
  });

  it('refuses a secret token Telegram would refuse', async () => {
    const url = 'https://127.0.0.1:8443/telegram';
    expect(await t.call('setWebhook', { url, secret_token: 'not allowed!' })).toEqual(
      bad('secret token contains unallowed characters'),
    );
    expect(await t.call('setWebhook', { url, secret_token: 'a'.repeat(257) })).toEqual(
      bad('secret token is too long'),
    );
  });

  it('sets, reports and deletes a webhook, as Telegram words it', async () => {
    const url = 'https://127.0.0.1:8443/telegram';
    expect((await t.call('setWebhook', { url, secret_token: 'S3cret_-' })).body).toEqual({
      ok: true,
      result: true,
      description: 'Webhook was set',
    });
    expect((await t.call('setWebhook', { url, secret_token: 'S3cret_-' })).body.description).toBe(
      'Webhook is already set',
    );
    const info = (await t.call('getWebhookInfo')).body.result;
    expect(info).toMatchObject({ url, has_custom_certificate: false, max_connections: 40 });
    expect(info).not.toHaveProperty('secret_token');
    expect((await t.call('deleteWebhook')).body.description).toBe('Webhook was deleted');
    expect((await t.call('deleteWebhook')).body.description).toBe('Webhook is already deleted');
    expect((await t.call('getWebhookInfo')).body.result).toEqual({
      url: '',
      has_custom_certificate: false,
      pending_update_count: (await t.call('getUpdates')).body.result.length,
    });
  });

  it('drops the pending updates when asked', async () => {
    t.sandbox.telegram.write('shop_bot', t.anna, 'pending');
    expect((await t.call('getWebhookInfo')).body.result.pending_update_count).toBeGreaterThan(0);
    await t.call('deleteWebhook', { drop_pending_updates: true });
    expect((await t.call('getWebhookInfo')).body.result.pending_update_count).toBe(0);
  });

  it("takes Telegram's webhook ports alone when told them", async () => {
    const strict = await startSandbox({ telegram: { webhookPorts: TELEGRAM_WEBHOOK_PORTS } });
    try {
      const bot = strict.telegram.createBot({ username: 'strict_bot' });
      const call = botApi(strict.telegram.apiUrl, bot.token);
      expect(await call('setWebhook', { url: 'https://127.0.0.1:9443/hook' })).toEqual(
        bad('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443'),
      );
      expect((await call('setWebhook', { url: 'https://127.0.0.1:8443/hook' })).status).toBe(200);
      expect((await call('setWebhook', { url: 'https://127.0.0.1/hook' })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
