/**
 * The chat's acceptance journeys in the browser: a visitor (the built widget on a demo page) and
 * an operator (the real console, or an `/ops` socket where the console adds nothing) in separate
 * contexts; auto-replies on the test clock; non-working time with one e-mail per message at a
 * real SMTP server on loopback; an XSS corpus in both directions and in the operator's name; a
 * platform restart under an open widget; messenger hand-off for every channel.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatSettings } from '../../packages/config/src/index.ts';
import { connectOps } from '../../packages/platform/test/support/ops-client.ts';
import { smtpReceiver } from '../../packages/platform/test/support/smtp.ts';
import { bubbles, chat, createChat, openChat, write } from './chat-helpers.ts';
import { type Stage, signInToConsole, startStage } from './harness.ts';

/** The platform's outgoing e-mail lands here: a real SMTP server on loopback. */
const smtp = smtpReceiver();

let stage: Stage;
/** The demo account, whose operators sign in to the console. */
let demoAccount: string;

beforeAll(async () => {
  stage = await startStage(new Date(), { env: { SMTP_URL: await smtp.start() } });
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  demoAccount = operator.accountId;
});

afterAll(async () => {
  await stage?.stop();
  await smtp.stop();
});

/** A chat of the demo account routed to its group "Sales", with the site channel changed by `site`. */
async function demoChat(site: Partial<ChatSettings['channels']['site']> = {}): Promise<string> {
  const sales = (await stage.platform.platform.store.groups.list(demoAccount))[0];
  if (!sales) throw new Error('the demo account has no group');
  return createChat(
    stage,
    (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        site: {
          ...settings.channels.site,
          receiver: { kind: 'group', id: sales.id },
          ...site,
        },
      },
    }),
    demoAccount,
  );
}

/** The texts of the widget's stored and pending messages, in order. */
const widgetTexts = (page: Page) => bubbles(page).locator('.words').allTextContents();

/** The console's opened conversation. */
const conversation = (console: Page) => console.locator('article.conversation');
/** The texts of the console's opened conversation, in order. */
const consoleTexts = (console: Page) =>
  conversation(console).locator('[role=log] .message .text').allTextContents();

/** Opens, in the console, the conversation whose list entry shows `text`. */
async function openInConsole(console: Page, text: string): Promise<void> {
  await console.locator('.conversation-row', { hasText: text }).click();
  await conversation(console).waitFor();
}

/** Writes `text` in the console's reply box and sends it with Enter. */
async function reply(console: Page, text: string): Promise<void> {
  const box = conversation(console).getByLabel(/^Reply to/);
  await box.fill(text);
  await box.press('Enter');
}

/** Waits until the widget holds no message that is not stored yet. */
async function allStored(page: Page): Promise<void> {
  await expect.poll(() => chat(page).locator('.bubble[data-pending]').count()).toBe(0);
}

describe('chat journeys', () => {
  it('lets a visitor and an operator at the console talk, with typing, read state and the rating', async () => {
    const key = await demoChat({ rating: true, showOperatorName: true });
    const { page: console } = await signInToConsole(stage, 'operator@demo.test');
    const v = await openChat(stage, key, { timezoneId: 'Asia/Yekaterinburg' });

    await write(v.page, 'Hello from journey one');
    const own = chat(v.page).locator('.bubble[data-author=visitor] .meta');
    await expect.poll(() => own.textContent()).toMatch(/Sent$/);

    // The operator opens it: the visitor's page and local time, and the message is read.
    await openInConsole(console, 'Hello from journey one');
    await expect.poll(() => consoleTexts(console)).toEqual(['Hello from journey one']);
    const href = await conversation(console).locator('[data-field=page] a').getAttribute('href');
    expect(href).toBe(`${stage.site}/lead.html?widget=${key}`);
    await expect
      .poll(() => conversation(console).locator('[data-field=local-time]').textContent())
      .toMatch(/^\d{1,2}:\d{2}.*\(Asia\/Yekaterinburg\)$/);
    await expect.poll(() => own.textContent()).toMatch(/Read$/);

    // Each sees the other typing.
    await chat(v.page).locator('#fd-chat-input').pressSequentially('Are you');
    await expect
      .poll(() => conversation(console).locator('.typing').textContent())
      .toMatch(/is typing…$/);
    await chat(v.page).locator('#fd-chat-input').fill('');
    const box = conversation(console).getByLabel(/^Reply to/);
    await box.pressSequentially('Hello');
    await expect
      .poll(() => chat(v.page).locator('.status').textContent())
      .toBe('The operator is typing…');

    // The operator answers; the visitor's window is in view, so it is read at the console.
    await box.pressSequentially(', how can I help?');
    await box.press('Enter');
    await expect
      .poll(() => widgetTexts(v.page))
      .toEqual(['Hello from journey one', 'Hello, how can I help?']);
    expect(await chat(v.page).locator('.status').textContent()).not.toBe('The operator is typing…');
    await expect
      .poll(() => conversation(console).locator('.message-operator .receipt').textContent())
      .toBe(' · read');

    await write(v.page, 'Where is my order?');
    await expect
      .poll(() => consoleTexts(console))
      .toEqual(['Hello from journey one', 'Hello, how can I help?', 'Where is my order?']);

    // Closing the chat offers the rating; the visitor's mark is stored.
    await conversation(console).getByRole('button', { name: 'Close chat' }).click();
    await conversation(console).getByRole('button', { name: 'Yes, close chat' }).click();
    const marks = chat(v.page).locator('.rating button');
    await expect
      .poll(() => marks.allTextContents())
      .toEqual(['Excellent', 'Good', 'Satisfactory', 'Poor']);
    await marks.filter({ hasText: 'Good' }).click();
    await expect
      .poll(() => chat(v.page).locator('.body').textContent())
      .toContain('Thank you for your rating!');
    const id = await conversation(console).getAttribute('data-conversation-id');
    const stored = await stage.platform.platform.store.conversations.get(id ?? '');
    expect(stored).toMatchObject({ status: 'closed', rating: 'good' });
    await expect
      .poll(() => conversation(console).locator('.visitor-facts').textContent())
      .toContain('Closed, rated Good');
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
    await console.context().close();
  });

  it('sends each auto-reply once after its delay, and none after an operator replied', async () => {
    const key = await createChat(stage, (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        site: {
          ...settings.channels.site,
          autoReplies: [
            { text: { en: 'Auto after 30 s' }, delaySeconds: 30, when: 'working' },
            { text: { en: 'Auto after 120 s' }, delaySeconds: 120, when: 'working' },
          ],
        },
      },
    }));
    const ops = await connectOps(stage.platform, 'operator');
    const v = await openChat(stage, key);
    const arrived = ops.next<ChatMessage>('chat:message', (m) => m.text === 'Anyone there?');
    await write(v.page, 'Anyone there?');
    const { conversationId } = await arrived;
    const { workers } = stage.platform.platform;
    const autos = chat(v.page).locator('.bubble[data-author=auto] .words');

    const storedAutos = async () =>
      (await ops.ask<{ messages: ChatMessage[] }>('chat:open', { conversationId })).messages
        .filter((m) => m.author === 'auto')
        .map((m) => m.text);
    // Not due yet.
    stage.clock.advance(29_000);
    await workers.fireAutoReplies();
    expect(await storedAutos()).toEqual([]);
    // Due: the first fires, once, however often the pass runs.
    stage.clock.advance(2_000);
    await workers.fireAutoReplies();
    await workers.fireAutoReplies();
    await expect.poll(() => autos.allTextContents()).toEqual(['Auto after 30 s']);

    const answer = await ops.ask<{ ok: boolean }>('chat:send', {
      conversationId,
      clientId: 'auto-journey-answer',
      text: 'I am here',
    });
    expect(answer.ok).toBe(true);
    stage.clock.advance(120_000);
    await workers.fireAutoReplies();
    // A later operator message is the barrier: everything before it has reached the widget.
    await ops.ask('chat:send', { conversationId, clientId: 'auto-journey-later', text: 'Later' });
    await expect
      .poll(() => widgetTexts(v.page))
      .toEqual(['Anyone there?', 'Auto after 30 s', 'I am here', 'Later']);
    expect(await storedAutos()).toEqual(['Auto after 30 s']);
    ops.socket.close();
    await v.context.close();
  });

  it('takes messages in non-working time: one e-mail each, and the non-working auto-reply', async () => {
    const key = await createChat(stage, (settings) => ({
      ...settings,
      // No working day at all: closed whatever the date and time.
      schedule: { ...settings.schedule, week: {} },
      appearance: {
        ...settings.appearance,
        nonWorking: {
          ...settings.appearance.nonWorking,
          title: { en: 'We are offline' },
          text: { en: 'Leave a message and we will answer tomorrow.' },
        },
      },
      channels: {
        ...settings.channels,
        site: {
          ...settings.channels.site,
          nonWorkingEmail: 'night@corp.example',
          autoReplies: [
            { text: { en: 'Working-time auto-reply' }, delaySeconds: 0, when: 'working' },
            {
              text: { en: 'We are closed, we will write back.' },
              delaySeconds: 0,
              when: 'nonWorking',
            },
          ],
        },
      },
    }));
    const v = await openChat(stage, key);
    const head = chat(v.page).locator('.head');
    await expect.poll(() => head.getAttribute('data-variant')).toBe('non-working');
    expect(await head.locator('.title').textContent()).toBe('We are offline');
    expect(await head.locator('.text').allTextContents()).toContain(
      'Leave a message and we will answer tomorrow.',
    );

    const before = smtp.mails.length;
    await write(v.page, 'Night question one');
    await write(v.page, 'Night question two');
    await allStored(v.page);
    const { workers } = stage.platform.platform;
    await workers.sendOutbox();
    await workers.sendOutbox();
    const sent = smtp.mails.slice(before);
    expect(sent.map((mail) => mail.to)).toEqual([['night@corp.example'], ['night@corp.example']]);
    expect(sent.filter((mail) => mail.data.includes('Night question one'))).toHaveLength(1);
    expect(sent.filter((mail) => mail.data.includes('Night question two'))).toHaveLength(1);

    await workers.fireAutoReplies();
    await workers.fireAutoReplies();
    await expect
      .poll(() => chat(v.page).locator('.bubble[data-author=auto] .words').allTextContents())
      .toEqual(['We are closed, we will write back.']);
    expect(await widgetTexts(v.page)).toEqual([
      'Night question one',
      'Night question two',
      'We are closed, we will write back.',
    ]);
    await v.context.close();
  });

  it('runs no script from an XSS corpus in messages both ways and in the operator’s name', async () => {
    const corpus = [
      '<img src=x onerror=window.__xss=1>',
      '<script>window.__xss=1</script>',
      'javascript:window.__xss=1',
      '<svg onload=window.__xss=1>',
      '"><iframe src=javascript:window.__xss=1>',
    ];
    const name = '"><img src=x onerror=window.__xss=1><svg onload=window.__xss=1>';
    const { store } = stage.platform.platform;
    const olga = await store.users.byEmail('operator2@demo.test');
    if (!olga) throw new Error('no operator2@demo.test');
    await store.users.update(olga.id, { name });
    const key = await demoChat({ showOperatorName: true, showOperatorPhoto: false });
    const { page: console, pageErrors: consoleErrors } = await signInToConsole(
      stage,
      'operator2@demo.test',
    );
    const v = await openChat(stage, key);

    for (const text of corpus) await write(v.page, text);
    await allStored(v.page);
    await openInConsole(console, corpus[corpus.length - 1] ?? '');
    await expect.poll(() => consoleTexts(console)).toEqual(corpus);
    for (const text of corpus) await reply(console, text);
    await expect.poll(() => widgetTexts(v.page)).toEqual([...corpus, ...corpus]);
    await expect.poll(() => chat(v.page).locator('.head .text').first().textContent()).toBe(name);
    await expect.poll(() => console.locator('.who').textContent()).toContain(name);
    expect(
      await conversation(console).locator('.message-operator .author').allTextContents(),
    ).toEqual(corpus.map(() => name));

    for (const page of [v.page, console]) {
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    }
    expect(v.pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const made = 'img, script, svg, iframe, a[href^="javascript"]';
    expect(await chat(v.page).locator(`[role=log] :is(${made})`).count()).toBe(0);
    expect(await chat(v.page).locator(`.head :is(${made})`).count()).toBe(0);
    // The whole console: its list, the open conversation, its context and the header — but for
    // the channels' own icons (the website's speech bubble beside each conversation).
    expect(await console.locator(`.console :is(${made}):not(.channel *)`).count()).toBe(0);
    await v.context.close();
    await console.context().close();
  });

  it('keeps the conversation whole across a platform restart under an open widget', async () => {
    const key = await demoChat();
    const { page: console } = await signInToConsole(stage, 'operator@demo.test');
    const v = await openChat(stage, key);
    await write(v.page, 'Before the restart');
    await openInConsole(console, 'Before the restart');
    await reply(console, 'Answer before the restart');
    await expect
      .poll(() => widgetTexts(v.page))
      .toEqual(['Before the restart', 'Answer before the restart']);

    const id = (await conversation(console).getAttribute('data-conversation-id')) ?? '';
    const oleg = await stage.platform.platform.store.users.byEmail('operator@demo.test');
    if (!oleg) throw new Error('no operator@demo.test');
    await stage.restartPlatform(async () => {
      await expect.poll(() => chat(v.page).locator('.status').textContent()).toBe('Connecting…');
      // Stored while no process tells anyone (as by another process): only a resync brings it.
      const { store } = stage.platform.platform;
      await store.chatMessages.operatorSend({
        conversationId: id,
        clientId: 'stored-while-down',
        text: 'Stored while down',
        operator: { id: oleg.id, name: oleg.name, photoUrl: null },
        mayAnswerTaken: false,
        now: stage.clock().getTime(),
      });
      // Written while the platform is down: it waits in the widget's outbox.
      await write(v.page, 'Written while down');
      await expect.poll(() => chat(v.page).locator('.bubble[data-pending]').count()).toBe(1);
    });

    const all = [
      'Before the restart',
      'Answer before the restart',
      'Stored while down',
      'Written while down',
    ];
    // socket.io's reconnection backs off for up to 5 s between attempts.
    await expect
      .poll(() => chat(v.page).locator('.bubble[data-pending]').count(), { timeout: 30_000 })
      .toBe(0);
    await expect.poll(() => widgetTexts(v.page)).toEqual(all);
    await expect.poll(() => consoleTexts(console), { timeout: 30_000 }).toEqual(all);
    const stored = await stage.platform.platform.store.chatMessages.since(id, 0, 500);
    expect(stored.map((m) => m.text)).toEqual(all);
    // After the widget asks again from the start (a page load), still each once.
    await v.page.reload();
    await chat(v.page).locator('.launcher').click();
    await expect.poll(() => widgetTexts(v.page), { timeout: 30_000 }).toEqual(all);
    await v.context.close();
    await console.context().close();
  });

  it('hands off to every messenger with a token that resolves to this visitor', async () => {
    const key = await createChat(stage, (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        telegram: {
          enabled: true,
          receiver: null,
          botToken: '123456789:AAHabcdefghijklmnopqrstuvwxyz012345',
          botName: 'frontdesk_e2e_bot',
        },
        viber: {
          enabled: true,
          receiver: null,
          botToken: '4a6b8c0d2e4f6a8b-0c2d4e6f8a0b2c4d',
          botName: 'Frontdesk E2E',
          uri: 'frontdesk-e2e',
        },
        vk: { enabled: true, receiver: null, groupId: 'frontdesk_e2e' },
        facebook: { enabled: true, receiver: null, pageId: 'frontdesk.e2e' },
      },
    }));
    const ops = await connectOps(stage.platform, 'operator');
    const v = await openChat(stage, key);
    const arrived = ops.next<ChatMessage>('chat:message', (m) => m.text === 'Can I use Viber?');
    await write(v.page, 'Can I use Viber?');
    const { conversationId } = await arrived;
    ops.socket.close();

    const links = {
      Telegram: ['telegram', /^https:\/\/t\.me\/frontdesk_e2e_bot\?start=([\w-]{32})$/],
      Viber: ['viber', /^viber:\/\/pa\?chatURI=frontdesk-e2e&context=([\w-]{32})$/],
      VK: ['vk', /^https:\/\/vk\.me\/frontdesk_e2e\?ref=([\w-]{32})$/],
      Facebook: ['facebook', /^https:\/\/m\.me\/frontdesk\.e2e\?ref=([\w-]{32})$/],
    } as const;
    const staff = await stage.platform.signIn('operator');
    const visitors = new Set<string>();
    for (const [name, [channel, format]] of Object.entries(links)) {
      const opened = () =>
        v.page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
      const count = (await opened()).length;
      await chat(v.page)
        .getByRole('button', { name: `Continue in ${name}` })
        .click();
      await expect.poll(async () => (await opened()).length).toBe(count + 1);
      const url = (await opened())[count] ?? '';
      const token = format.exec(url)?.[1];
      expect(token, url).toBeDefined();
      const response = await staff(`/v1/chat/handoff/${token}`);
      expect(response.status).toBe(200);
      const resolved = (await response.json()) as { visitorId: string };
      expect(resolved).toMatchObject({ channel, conversationId, widgetKey: key });
      visitors.add(resolved.visitorId);
    }
    const visitor = (await stage.platform.platform.store.conversations.get(conversationId))
      ?.visitorId;
    expect([...visitors]).toEqual([visitor]);
    await v.context.close();
  });
});
