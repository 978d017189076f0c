/**
 * Whole journeys, one per person, against everything this file starts: the platform with its SIP
 * edge (Kamailio on loopback), the demo site, and Chromium — plus two Chromium processes with
 * fake microphones for the visitor and the operator, since a call needs both ends. The site owner
 * pastes the three snippets and every widget appears; the visitor orders a callback, chats and
 * calls while the operator sees the order ring, answers the chat and the call; the marketer
 * closes a widget's schedule in the Studio and the site's widget turns to its non-working
 * variant. Run it in a private network namespace:
 *
 *   sh test/e2e/netns.sh pnpm vitest run --project e2e test/e2e/journeys.e2e.test.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackSettings } from '../../packages/config/src/index.ts';
import { snippet } from '../../packages/loader/src/index.ts';
import { operatorConsole, startCallStage, waitPhase } from './call-helpers.ts';
import { bubbles, chat, write } from './chat-helpers.ts';
import {
  demoOperatorOnline,
  dialog,
  launcher,
  openWidget,
  type Stage,
  settled,
  signInToStudio,
  visit,
} from './harness.ts';

/** A journey crosses several browsers and the SIP edge on a busy machine: room to finish. */
const JOURNEY_TIMEOUT = 240_000;
/** How long a widget, a console card or a softphone may take to show on that machine. */
const SLOW = { timeout: 60_000 };

let stage: Stage;
let visitorBrowser: Browser;
let operatorBrowser: Browser;
let stopCallStage: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stage, visitorBrowser, operatorBrowser, stop: stopCallStage } = await startCallStage());
});

afterAll(() => stopCallStage?.());

/** The stored demo widget of `key`. */
async function demoWidget(key: string) {
  const widget = await stage.platform.platform.store.widgets.byKey(key);
  if (!widget) throw new Error(`the demo widget ${key} is not seeded`);
  return widget;
}

/** The three seeded widgets, by their host element's tag. */
const WIDGETS = [
  ['demo-callback', 'frontdesk-callback'],
  ['demo-chat', 'frontdesk-chat'],
  ['demo-call', 'frontdesk-call'],
] as const;

/** The Studio's weekday checkboxes. */
const WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describe('whole journeys', () => {
  it(
    'the site owner pastes the three snippets and every widget appears',
    async () => {
      // The codes exactly as the Studio shows them (its button code is snippet()'s), pasted
      // before </body> of an otherwise plain page of the owner's own site. A real loopback server
      // serves it: Chromium counts a page fulfilled by Playwright's routing as public, and its
      // local network access check then refuses the platform's scripts on loopback.
      const codes = WIDGETS.map(([key]) =>
        snippet({ baseUrl: stage.platform.url, widget: key, format: 'button' }),
      );
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My shop</title></head><body><h1>My shop</h1>${codes.join('\n')}</body></html>`;
      const ownSite = createServer((_, response) =>
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
      );
      await new Promise<void>((done) => ownSite.listen(0, '127.0.0.1', done));
      const { port } = ownSite.address() as AddressInfo;
      try {
        // visit() opens pages of the stage's site: here, the owner's (the seeded widgets allow
        // any loopback origin).
        const v = await visit({ ...stage, site: `http://127.0.0.1:${port}` }, '/', {
          locale: 'en-GB',
        });
        for (const [, tag] of WIDGETS) {
          await v.page.locator(`${tag} .launcher`).waitFor({ state: 'visible', ...SLOW });
        }
        // Each widget mounted once, though the loader was pasted three times.
        for (const [, tag] of WIDGETS) expect(await v.page.locator(tag).count()).toBe(1);
        expect(v.pageErrors).toEqual([]);
        expect(v.consoleErrors).toEqual([]);
        await v.context.close();
      } finally {
        await new Promise((done) => ownSite.close(done));
      }
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the visitor orders a callback, chats and calls; the operator sees the order, answers the chat and the call',
    async () => {
      const { store, workers } = stage.platform.platform;
      const callback = await demoWidget('demo-callback');
      // The operator is at the console first, softphone registered: orders and calls ring there.
      const desk = await operatorConsole(operatorBrowser, stage.platform.url);
      const deskErrors: Error[] = [];
      desk.on('pageerror', (error) => deskErrors.push(error));

      // The visitor is on the shop page with all three widgets, in a browser with a microphone
      // (visit() takes the browser from the stage it is given).
      const v = await visit({ ...stage, browser: visitorBrowser }, '/', {
        timezoneId: 'Asia/Yekaterinburg',
      });

      // 1. A callback "right now": the platform stores it, and it rings at the operator.
      await openWidget(v.page);
      await v.page.locator('frontdesk-callback #fd-phone').fill('912 345-67-89');
      await v.page.locator('frontdesk-callback .send').click();
      await v.page.locator('frontdesk-callback .done').waitFor(SLOW);
      const stored = await store.orders.open(callback.accountId, 50);
      expect(stored.find((order) => order.phone === '+79123456789')).toMatchObject({
        widgetId: callback.id,
        slot: null,
        status: 'new',
      });
      // The ring is the worker's due task; run it now rather than waiting for its interval.
      await workers.runDue();
      await desk.getByRole('link', { name: /^Orders/ }).click();
      await desk.locator('.order-row', { hasText: '+79123456789' }).click();
      await desk.getByRole('heading', { name: 'Ringing +79123456789' }).waitFor(SLOW);
      await desk.locator('article.order-view').getByText('(Asia/Yekaterinburg)').waitFor();
      await desk.getByRole('link', { name: /^Chats/ }).click();
      // Closes the callback form so that the chat's window is not under it.
      await v.page.keyboard.press('Escape');
      await dialog(v.page).waitFor({ state: 'detached' });

      // 2. A chat message reaches the platform and the operator; the reply reaches the visitor.
      await chat(v.page).locator('.launcher').click();
      await chat(v.page).locator('[role=dialog]').waitFor(SLOW);
      await write(v.page, 'Is the Volna bike free on Saturday?');
      const row = desk.locator('.conversation-row', { hasText: 'Is the Volna bike free' });
      await row.waitFor(SLOW);
      await row.click();
      const conversation = desk.locator('article.conversation');
      await conversation.waitFor();
      const conversationId = (await conversation.getAttribute('data-conversation-id')) ?? '';
      const texts = async () =>
        (await store.chatMessages.since(conversationId, 0, 100)).map((message) => message.text);
      expect(await texts()).toContain('Is the Volna bike free on Saturday?');
      const box = conversation.getByLabel(/^Reply to/);
      await box.fill('Yes, it is. Shall I book it?');
      await box.press('Enter');
      await expect
        .poll(() => bubbles(v.page).locator('.words').allTextContents(), SLOW)
        .toContain('Yes, it is. Shall I book it?');
      expect(await texts()).toContain('Yes, it is. Shall I book it?');
      await v.page.keyboard.press('Escape');
      await chat(v.page).locator('[role=dialog]').waitFor({ state: 'detached' });

      // 3. A call from the site's own link (the shop's "call from the site" button): it rings on
      // the operator's softphone, the operator answers, both are in the call, the operator hangs up.
      await v.page.locator('a[data-frontdesk-open="demo-call"]').click();
      await v.page.locator('frontdesk-call [role=dialog] .send').click();
      const ringing = desk.locator('.call-card[data-state=ringing]');
      await ringing.waitFor(SLOW);
      // The shop is the site's home page: the call came from the site's root.
      expect(await ringing.locator('[data-field=page]').textContent()).toMatch(
        new RegExp(` — ${stage.site.replaceAll('.', '\\.')}/$`),
      );
      await ringing.getByRole('button', { name: 'Answer' }).click();
      await waitPhase(v.page, 'in-call', SLOW.timeout);
      await desk.locator('.call-card[data-state=answered]').waitFor(SLOW);
      await desk.getByRole('button', { name: 'Hang up' }).click();
      await waitPhase(v.page, 'ended', SLOW.timeout);
      await desk.locator('.call-card[data-state=answered]').waitFor({ state: 'detached' });

      expect(v.pageErrors).toEqual([]);
      expect(deskErrors).toEqual([]);
      await v.context.close();
      await desk.context().close();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'the marketer closes the callback widget’s schedule in the Studio and the site shows it closed',
    async () => {
      const widget = await demoWidget('demo-callback');
      const settings = widget.settings as CallbackSettings;
      const { working, nonWorking } = settings.appearance;
      // The two variants must be told apart by their titles for the check to mean anything;
      // the shop is in Russian, and so are its widgets.
      expect(nonWorking.title.ru).not.toBe(working.title.ru);

      /** The callback widget's variant and title on a fresh load of the shop page, at the stage clock. */
      const shown = async () => {
        const v = await visit(stage, '/', { fixedTime: stage.clock() });
        // Not openWidget(): a widget closed on every day has no slots, so no form to focus.
        await launcher(v.page).click();
        await settled(v.page);
        const head = v.page.locator('frontdesk-callback .head');
        const seen = {
          variant: await head.getAttribute('data-variant'),
          title: await v.page.locator('frontdesk-callback #fd-title').textContent(),
        };
        expect(v.pageErrors).toEqual([]);
        await v.context.close();
        return seen;
      };

      // Someone of "Sales" is online: the working variant is the working look, not "nobody".
      const operator = await demoOperatorOnline(stage);
      try {
        // Open around the clock as seeded: the working variant.
        expect(await shown()).toEqual({ variant: 'working', title: working.title.ru });

        // Every weekday off: closed at any instant, whatever the stage clock's date.
        const { page: studio, pageErrors } = await signInToStudio(stage);
        await studio.getByRole('link', { name: 'Demo callback', exact: true }).click();
        await studio.getByRole('link', { name: 'Schedule', exact: true }).click();
        for (const day of WEEK) {
          await studio.getByRole('checkbox', { name: day, exact: true }).uncheck();
        }
        await studio.getByRole('button', { name: 'Save' }).click();
        await studio.getByText('Saved.').waitFor(SLOW);
        expect(pageErrors).toEqual([]);
        // Stored as the marketer left it: not one working day.
        const saved = (await demoWidget('demo-callback')).settings as CallbackSettings;
        expect(Object.values(saved.schedule.week).filter(Boolean)).toEqual([]);
        await studio.context().close();

        expect(await shown()).toEqual({ variant: 'non-working', title: nonWorking.title.ru });
      } finally {
        operator.socket.close();
        // The other journeys use this widget open: it goes back to its seeded settings.
        await stage.platform.platform.store.widgets.update(widget.id, {
          settings,
          now: stage.clock().getTime(),
        });
      }
    },
    JOURNEY_TIMEOUT,
  );
});
