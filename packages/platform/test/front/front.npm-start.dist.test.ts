/**
 * `npm start` (scripts/start.mjs, its last step) on the built workspace: the TLS front always
 * stands before the platform, its local CA made in DATA_DIR/tls at the first start; browsers
 * stay on the plain http URL, while the messengers' webhooks reach the platform through the
 * front (WEBHOOK_URL) — a bot in webhook mode gets its webhook there, and the sandbox, which
 * trusts that CA, delivers a customer's message through it. SIGTERM ends every child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePortBlock } from '@frontdesk/phone-network';
import { freePort } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDemoBot, demoSignIn } from '../support/built-platform';

const root = new URL('../../../../', import.meta.url).pathname;

let dataDir: string;
let child: ChildProcess;
let output = '';
const ports: Record<string, number> = {};

/** Polls `check` every 100 ms until it answers something, for up to `ms`. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 60_000) {
  for (let waited = 0; waited < ms; waited += 100) {
    const found = await check().catch(() => undefined);
    if (found !== undefined) return found;
    await delay(100);
  }
  throw new Error(`${what}: not within ${ms} ms\n${output}`);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fd-npm-start-'));
  for (const name of ['platform', 'front', 'demo', 'sandbox', 'sandboxTelegram']) {
    ports[name] = await freePort();
  }
  child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(ports.platform),
      FRONT_PORT: String(ports.front),
      DEMO_PORT: String(ports.demo),
      MESSENGER_SANDBOX_PORT: String(ports.sandbox),
      MESSENGER_SANDBOX_TELEGRAM_PORT: String(ports.sandboxTelegram),
      // The carrier and its four phones, 4 ports each.
      PHONE_NETWORK_PORT: String(await freePortBlock('127.0.0.1', 20)),
      // Calls are not this test's: no Kamailio.
      SIP_EDGE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await until('the platform', async () =>
    output.includes('Frontdesk platform at') && output.includes('Messenger sandbox at')
      ? true
      : undefined,
  );
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

/** Whether something accepts TCP connections on loopback `port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** GET `url` over https trusting `ca` only; its status. */
function httpsStatus(url: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('npm start', () => {
  it('serves browsers on http and takes webhooks through its TLS front, whose CA the sandbox trusts', async () => {
    const platformUrl = `http://127.0.0.1:${ports.platform}`;
    const frontUrl = `https://127.0.0.1:${ports.front}`;
    const sandboxUrl = `http://127.0.0.1:${ports.sandbox}`;
    expect(output).toContain(`Frontdesk platform at ${platformUrl} (public URL ${platformUrl})`);
    const ca = await readFile(join(dataDir, 'tls', 'ca.pem'), 'utf8');
    expect(await httpsStatus(`${frontUrl}/healthz`, ca)).toBe(200);

    const bot = (await (
      await fetch(`${sandboxUrl}/control/telegram/bots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'start_bot', firstName: 'Start' }),
      })
    ).json()) as { id: number; token: string; username: string };
    await connectDemoBot(platformUrl, bot, 'webhook');
    // The workers' pass finds the bot (every 10 s); its lease holder sets the webhook.
    const webhook = `${frontUrl}/v1/channels/telegram/${bot.id}/webhook`;
    await until('the webhook', async () => {
      const info = (await (
        await fetch(`${sandboxUrl}/control/telegram/bots/start_bot/webhook`)
      ).json()) as { url: string };
      return info.url === webhook ? info : undefined;
    });

    const customer = (await (
      await fetch(`${sandboxUrl}/control/telegram/customers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Nadia' }),
      })
    ).json()) as { id: number };
    await fetch(`${sandboxUrl}/control/telegram/bots/start_bot/chats/${customer.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Hello through the front' }),
    });
    const { cookie } = await demoSignIn(platformUrl, 'marketer@demo.test');
    const { widgets } = (await (
      await fetch(`${platformUrl}/v1/admin/widgets`, { headers: { cookie } })
    ).json()) as { widgets: { id: string; key: string }[] };
    const chat = widgets.find((widget) => widget.key === 'demo-chat');
    const status = await until('the update by webhook', async () => {
      const body = (await (
        await fetch(`${platformUrl}/v1/admin/widgets/${chat?.id}/telegram-status`, {
          headers: { cookie },
        })
      ).json()) as { mode: string; connected: boolean; lastUpdateAt: string | null };
      return body.lastUpdateAt ? body : undefined;
    });
    expect(status).toMatchObject({ mode: 'webhook', connected: true });
  }, 90_000);

  it('ends every child on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    // Their ports are closed: nothing of it runs on.
    for (const name of ['platform', 'front', 'sandbox', 'sandboxTelegram']) {
      expect(await listening(ports[name] ?? 0), name).toBe(false);
    }
  });
});
