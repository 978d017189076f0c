/**
 * Customers' photos and files from every messenger, end to end in Chromium: the platform behind
 * a TLS front reads Telegram and VK (long polling), Viber and Facebook (webhooks) from the
 * messenger sandbox;
 * a customer in each sends a photo → the operator's console shows the message's text at once
 * and then the photo itself, an image with an accessible name, loaded from the platform (never
 * the messenger); a sticker, a location and a contact read as text; captions and file names are
 * text, never markup.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Customer,
  FacebookPage,
  FacebookPerson,
  MessengerSandbox,
  SandboxBot,
  ViberSandboxBot,
  ViberUser,
  VkCommunity,
} from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { signInToConsole } from './harness.ts';
import {
  allMessengersEnv,
  type MessengerStage,
  messengerChat,
  startMessengerStage,
} from './messenger-stage.ts';
import { conversation, customerLog, customerPage } from './telegram-helpers.ts';

const VERIFY_TOKEN = 'e2e-attachments-verify';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
let telegramBot: SandboxBot;
let viberBot: ViberSandboxBot;
let page: FacebookPage;
let community: VkCommunity;
let console: Page;
let pageErrors: Error[];

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => allMessengersEnv(sandbox, VERIFY_TOKEN));
  ({ front, sandbox } = messengers);
  const { stage } = messengers;
  await sandbox.facebook.setWebhook(`${front.url}/v1/channels/facebook/webhook`, VERIFY_TOKEN);
  telegramBot = sandbox.telegram.createBot({ username: 'frontdesk_files_bot', firstName: 'Shop' });
  viberBot = sandbox.viber.createBot({ name: 'Shop', uri: 'frontdesk_files' });
  page = sandbox.facebook.createPage({ name: 'Shop', username: 'frontdesk.files' });
  community = sandbox.vk.createCommunity({ name: 'Shop', screenName: 'frontdesk_files' });
  await messengerChat(messengers, {
    telegram: {
      enabled: true,
      receiver: null,
      botToken: telegramBot.token,
      botName: telegramBot.username,
      mode: 'polling',
    },
    viber: {
      enabled: true,
      receiver: null,
      botToken: viberBot.token,
      botName: viberBot.name,
      uri: viberBot.uri,
    },
    facebook: { enabled: true, receiver: null, pageId: page.id, pageToken: page.token },
    vk: {
      enabled: true,
      receiver: null,
      groupId: community.screenName,
      accessToken: community.token,
      mode: 'longpoll',
    },
  });
  ({ page: console, pageErrors } = await signInToConsole(stage, 'operator@demo.test', front.url));
});

afterAll(async () => {
  await console?.context().close();
  await messengers?.stop();
});

/** Opens the console's conversation whose row shows `text`. */
async function openConversation(text: string): Promise<void> {
  await console.locator('.conversation-row', { hasText: text }).click();
  await conversation(console).locator('.message', { hasText: text }).waitFor();
}

/**
 * The photo of the open conversation named `name`, once it has loaded: it must come from the
 * platform (the front's origin), under `/v1/chat/attachments/`.
 */
async function photoShown(name: string | RegExp): Promise<void> {
  const image = conversation(console).getByRole('img', { name });
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const src = new URL(await image.evaluate((img: HTMLImageElement) => img.currentSrc));
  expect(src.origin).toBe(new URL(front.url).origin);
  expect(src.pathname).toMatch(/^\/v1\/chat\/attachments\/[0-9a-f-]{36}$/);
}

/** The texts of the open conversation's messages. */
const texts = () => conversation(console).locator('[role=log] .message .text').allTextContents();

describe('customers’ photos and files in the console', () => {
  it('shows a Telegram photo from the platform, its caption as text, and a sticker, a contact and a file', async () => {
    const anna: Customer = sandbox.telegram.customer({ firstName: 'Anna', lastName: 'Petrova' });
    const caption = '<b>Is this one</b> in stock?';
    sandbox.telegram.send(telegramBot, anna, { type: 'photo', caption });
    await openConversation('Is this one');
    await photoShown('Photo from Anna Petrova');
    sandbox.telegram.send(telegramBot, anna, { type: 'sticker', emoji: '😀' });
    sandbox.telegram.send(telegramBot, anna, {
      type: 'contact',
      name: 'Ivan Petrov',
      phone: '+79161234567',
    });
    const fileName = '<img src=x onerror=alert(1)>.pdf';
    sandbox.telegram.send(telegramBot, anna, { type: 'file', fileName });
    const download = conversation(console).getByRole('link', { name: /, download$/ });
    await download.waitFor();
    expect(await download.textContent()).toMatch(
      /^<img src=x onerror=alert\(1\)>\.pdf \(\d+ byte\), download$/,
    );
    await expect
      .poll(texts)
      .toEqual([
        `[photo] ${caption}`,
        '[sticker 😀]',
        '[contact: Ivan Petrov, +79161234567]',
        `[file ${fileName}]`,
      ]);
    // Text, never markup: the caption's <b> and the name's <img> are not elements.
    expect(await conversation(console).locator('.message b').count()).toBe(0);
    expect(await conversation(console).locator('.message img').count()).toBe(1);
  });

  it('shows a Viber photo from the platform, and a location as a map link', async () => {
    // The bot's lease holder set the webhook at the front (the sandbox checked it, signed).
    await expect.poll(() => sandbox.viber.webhook(viberBot).url).not.toBe('');
    const viktor: ViberUser = sandbox.viber.user({ name: 'Viktor Sidorov' });
    sandbox.viber.send(viberBot, viktor, { type: 'photo', caption: 'The Viber one' });
    await openConversation('The Viber one');
    await photoShown('Photo from Viktor Sidorov: photo.png');
    sandbox.viber.send(viberBot, viktor, { type: 'location', latitude: 55.75, longitude: 37.62 });
    const map = conversation(console).getByRole('link', { name: /openstreetmap\.org/ });
    await map.waitFor();
    expect(await map.getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=55.75&mlon=37.62#map=17/55.75/37.62',
    );
  });

  it('shows a VK photo from the platform, its caption as text, and a sticker', async () => {
    // The community's lease holder turned long poll on (groups.setLongPollSettings).
    await expect
      .poll(() => sandbox.vk.delivery(community).longPoll.enabled, { timeout: 20_000 })
      .toBe(true);
    const vera = sandbox.vk.user({ name: 'Vera Orlova' });
    sandbox.vk.send(community, vera, { type: 'photo', caption: 'The <i>VK</i> one' });
    await openConversation('The <i>VK</i> one');
    // Named by users.get, the photo unnamed (VK's photos have no file name).
    await photoShown('Photo from Vera Orlova');
    sandbox.vk.send(community, vera, { type: 'sticker' });
    await expect.poll(texts).toEqual(['[photo] The <i>VK</i> one', '[sticker]']);
    expect(await conversation(console).locator('.message i').count()).toBe(0);
  });

  it('shows a Facebook photo from the platform, and a sticker as text', async () => {
    const fyodor: FacebookPerson = sandbox.facebook.person({ name: 'Fyodor Ivanov' });
    sandbox.facebook.write(page, fyodor, 'A photo from Messenger');
    await openConversation('A photo from Messenger');
    sandbox.facebook.send(page, fyodor, { type: 'photo' });
    sandbox.facebook.send(page, fyodor, { type: 'sticker' });
    await photoShown(/^Photo from Fyodor/);
    await expect.poll(texts).toEqual(['A photo from Messenger', '[photo]', '[sticker]']);
    expect(pageErrors).toEqual([]);
  });

  it('carries what a customer sends with the sandbox page’s buttons: a photo and a location', async () => {
    const customer = await customerPage(messengers.stage.browser, sandbox, telegramBot, 'Maria');
    const samples = customer.getByRole('group', { name: 'Or send a sample' });
    await samples.getByRole('button', { name: 'Photo' }).click();
    await customerLog(customer).getByText('[photo]').waitFor();
    await samples.getByRole('button', { name: 'Location' }).click();
    await console.locator('.conversation-row', { hasText: 'Maria Petrova' }).click();
    await photoShown('Photo from Maria Petrova');
    await conversation(console)
      .getByRole('link', { name: /openstreetmap\.org/ })
      .waitFor();
    await customer.context().close();
    expect(pageErrors).toEqual([]);
  });

  it('carries a photo a VK user sends with the sandbox’s VK page', async () => {
    const context = await messengers.stage.browser.newContext({ locale: 'en-GB' });
    const customer = await context.newPage();
    await customer.goto(`${sandbox.vk.linkBase}/${community.screenName}`);
    await customer.getByLabel('Your name').fill('Zoya Belova');
    await customer.getByRole('button', { name: 'Open the chat' }).click();
    await customer
      .getByRole('group', { name: 'Or send a sample' })
      .getByRole('button', { name: 'Photo' })
      .click();
    await customerLog(customer).getByText('[photo]').waitFor();
    await console.locator('.conversation-row', { hasText: 'Zoya Belova' }).click();
    await photoShown('Photo from Zoya Belova');
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
