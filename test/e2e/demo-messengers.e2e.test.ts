/**
 * The demo shop's messengers, as `npm start` sets them up: the sandbox holds the demo's Telegram
 * bot, Viber bot, VK community and Facebook page (DEMO_MESSENGERS), the platform connects the
 * demo chat to them once (seedDemoMessengers, DEMO_MESSENGERS=1) → the shop's chat in Chromium
 * offers all four hand-offs, and "Continue in VK" opens the demo community's chat in the
 * sandbox, the hand-off's ref in its link. Seeding again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessengerSandbox } from '../../packages/messenger-sandbox/src/index.ts';
import {
  DEMO_MESSENGERS,
  seedDemoMessengers,
} from '../../packages/platform/src/demo/demo-messengers.ts';
import { chat } from './chat-helpers.ts';
import { type Stage, visit } from './harness.ts';
import { allMessengersEnv, type MessengerStage, startMessengerStage } from './messenger-stage.ts';

const VERIFY_TOKEN = 'e2e-demo-verify';

let messengers: MessengerStage;
let sandbox: MessengerSandbox;
let stage: Stage;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => allMessengersEnv(sandbox, VERIFY_TOKEN));
  ({ sandbox, stage } = messengers);
  // What scripts/start.mjs makes in the sandbox through its control API.
  sandbox.telegram.createBot(DEMO_MESSENGERS.telegram);
  sandbox.viber.createBot(DEMO_MESSENGERS.viber);
  sandbox.vk.createCommunity(DEMO_MESSENGERS.vk);
  sandbox.facebook.createPage(DEMO_MESSENGERS.facebook);
  await sandbox.facebook.setWebhook(
    `${messengers.front.url}/v1/channels/facebook/webhook`,
    VERIFY_TOKEN,
  );
  const store = stage.platform.platform.store;
  const admin = await store.users.byEmail('admin@demo.test');
  if (!admin) throw new Error('the demo account is not seeded');
  const seed = { accountId: admin.accountId, now: stage.clock().getTime() };
  expect(await seedDemoMessengers(store, seed)).toBe(true);
  expect(await seedDemoMessengers(store, seed)).toBe(false);
  await stage.platform.platform.channels.refresh();
});

afterAll(() => messengers?.stop());

describe('the demo shop’s messengers', () => {
  it('offers all four hand-offs in the shop’s chat; VK’s opens the demo community in the sandbox', async () => {
    // The demo's long polls run: the platform took the seeded channels up.
    await expect
      .poll(() => sandbox.vk.delivery(DEMO_MESSENGERS.vk.screenName).longPoll.enabled, {
        timeout: 20_000,
      })
      .toBe(true);
    const site = await visit(stage, '/en.html', { locale: 'en-GB' });
    const shop = chat(site.page);
    await shop.locator('.launcher').click();
    const handoffs = shop.getByRole('button', { name: /^Continue in / });
    await handoffs.first().waitFor();
    expect(await handoffs.evaluateAll((buttons) => buttons.map((b) => b.ariaLabel))).toEqual([
      'Continue in Telegram',
      'Continue in Viber',
      'Continue in VK',
      'Continue in Facebook',
    ]);
    const [customer] = await Promise.all([
      site.context.waitForEvent('page'),
      shop.getByRole('button', { name: 'Continue in VK' }).click(),
    ]);
    await customer.waitForLoadState();
    const opened = new URL(customer.url());
    expect(`${opened.origin}${opened.pathname}`).toBe(
      `${sandbox.vk.linkBase}/${DEMO_MESSENGERS.vk.screenName}`,
    );
    await customer
      .getByRole('heading', { name: new RegExp(`^${DEMO_MESSENGERS.vk.name} VK`) })
      .waitFor();
    expect(site.pageErrors).toEqual([]);
    await site.context.close();
  });
});
