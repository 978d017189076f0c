/**
 * What the console's journeys share: the console signed in with the keyboard at a given window
 * size (desktop notifications allowed, and recorded as they are made), keyboard moves, the tab
 * hidden and shown, and the demo account's visitors writing and ordering through the platform's
 * real endpoints (a visitor's `/chat` socket; the public order endpoint).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CallbackSettings, ChatMessage } from '../../packages/config/src/index.ts';
import { connectVisitor, type VisitorClient } from '../../packages/platform/test/support/chat.ts';
import { callbackSlots, createSchedule } from '../../packages/schedule/src/index.ts';
import { type Stage, signInInContext } from './harness.ts';

/** The window sizes the console is checked at: a common laptop and a small one. */
export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/** The demo account's operator who serves the demo lines. */
export const OPERATOR = 'operator@demo.test';

/** The console's title with nothing waiting. */
export const TITLE = 'Frontdesk console';

/** A desktop notification the console made. */
export interface MadeNotification {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}

/**
 * The console in a new context of `browser` at `viewport`, signed in as `email` with the
 * keyboard, notifications allowed; resolves once the lists are there.
 */
export async function openConsole(
  browser: Browser,
  stage: Stage,
  {
    viewport = VIEWPORTS[0],
    email = OPERATOR,
  }: { viewport?: { width: number; height: number }; email?: string } = {},
): Promise<{ page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/Moscow',
  });
  await context.grantPermissions(['notifications'], { origin: stage.platform.url });
  await context.addInitScript(() => {
    // Records each notification as the page makes it; the real one is still made.
    const made: { title: string; body?: string; tag?: string }[] = [];
    (window as unknown as { __notifications: typeof made }).__notifications = made;
    const Native = window.Notification;
    window.Notification = class extends Native {
      constructor(title: string, options?: NotificationOptions) {
        made.push({ title, body: options?.body, tag: options?.tag });
        super(title, options);
      }
    };
  });
  return signInInContext(context, stage, email);
}

/** The notifications the console made so far. */
export function notificationsOf(page: Page): Promise<MadeNotification[]> {
  return page.evaluate(
    () => (window as unknown as { __notifications: MadeNotification[] }).__notifications,
  );
}

/** What has keyboard focus: its tag, accessible text and value. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName ?? '',
      text: element?.textContent?.trim() ?? '',
      label:
        element?.getAttribute('aria-label') ??
        (element as HTMLTextAreaElement)?.labels?.[0]?.textContent ??
        '',
      value: (element as HTMLTextAreaElement | null)?.value ?? '',
    };
  });
}

/**
 * Presses Tab (Shift+Tab when `back`) until the focused element's text starts with `text`, at
 * most 60 times: the way a keyboard user gets there.
 */
export async function tabTo(page: Page, text: string, back = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if ((await focused(page)).text.startsWith(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

/** Hides or shows the console's tab, as switching to another tab does. */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** Waits until the tab's title is `title`. */
export async function titleIs(page: Page, title: string): Promise<void> {
  await expect.poll(() => page.title()).toBe(title);
}

/** A new visitor of the demo chat, on the demo site; close it with `socket.close()`. */
export async function chatVisitor(stage: Stage): Promise<VisitorClient> {
  return connectVisitor(
    stage.platform.url,
    { key: 'demo-chat', timeZone: 'Asia/Yekaterinburg' },
    stage.site,
  );
}

/** The visitor writes `text` from the demo shop's page; the stored message. */
export async function say(visitor: VisitorClient, text: string): Promise<ChatMessage> {
  const sent = await visitor.ask<{ ok: boolean; message: ChatMessage }>('send', {
    clientId: randomUUID(),
    text,
    page: { url: 'https://shop.example/bikes', title: 'Bikes' },
  });
  if (!sent.ok) throw new Error(`the visitor could not write: ${JSON.stringify(sent)}`);
  return sent.message;
}

/**
 * A visitor orders a callback on the demo callback widget (ringing the demo group), now or for
 * `slot` (an ISO instant the widget offers); a "now" order rings at once. The order's id.
 */
export async function orderCallback(
  stage: Stage,
  { phone, name, slot }: { phone: string; name?: string; slot?: string },
): Promise<string> {
  const response = await fetch(`${stage.platform.url}/v1/widgets/demo-callback/callbacks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      origin: stage.site,
    },
    body: JSON.stringify({
      phone,
      ...(name ? { name } : {}),
      ...(slot ? { slot } : { now: true }),
      consent: true,
      timeZone: 'Asia/Yekaterinburg',
      page: { url: `${stage.site}/callback.html`, title: 'Call me back' },
    }),
  });
  if (response.status !== 201) throw new Error(`order refused: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  await stage.platform.platform.workers.runDue();
  return id;
}

/** The start of the `index`th slot the demo callback widget offers now (ISO). */
export async function offeredSlot(stage: Stage, index: number): Promise<string> {
  const widget = await stage.platform.platform.store.widgets.byKey('demo-callback');
  const settings = widget?.settings as CallbackSettings | undefined;
  if (!settings) throw new Error('no demo-callback widget');
  const slot = callbackSlots(createSchedule(settings.schedule), stage.clock())[index];
  if (!slot) throw new Error(`the demo callback offers no slot ${index}`);
  return slot.start.toISOString();
}

/**
 * A clean slate for a journey: every open conversation of the demo account closed and every
 * open order failed, so that what the console counts is what the journey made.
 */
export async function cleanSlate(stage: Stage): Promise<void> {
  const { store } = stage.platform.platform;
  const admin = await store.users.byEmail('admin@demo.test');
  if (!admin) throw new Error('the demo account is not seeded');
  const now = stage.clock().getTime();
  for (const conversation of await store.conversations.list(admin.accountId, 'open', 500)) {
    await store.conversations.close(conversation.id, { ratingOffered: false, now });
  }
  const by = { id: admin.id, name: admin.name };
  for (const order of await store.orders.open(admin.accountId, 500)) {
    if (order.status !== 'accepted') {
      await store.orders.transition(order.id, {
        from: ['new', 'ringing'],
        to: 'accepted',
        by,
        now,
      });
    }
    await store.orders.transition(order.id, { from: ['accepted'], to: 'failed', by, now });
  }
}
