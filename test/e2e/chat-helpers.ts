/**
 * What the chat's end-to-end tests share: test chat widgets, the widget on a demo page and its
 * parts (Playwright's CSS engine sees into the widget's open shadow root).
 */
import type { Page } from 'playwright-core';
import {
  type ChatSettings,
  defaultSettings,
  parseSettings,
} from '../../packages/config/src/index.ts';
import { templates } from '../../packages/schedule/src/index.ts';
import { LOOPBACK, type Stage, type Visit, type VisitOptions, visit } from './harness.ts';

let created = 0;

/**
 * A new chat widget of `accountId` (the test account unless given), in English and open around
 * the clock, with the settings changed by `change` (validated); its key.
 */
export async function createChat(
  stage: Stage,
  change: (settings: ChatSettings) => ChatSettings = (settings) => settings,
  accountId: string = stage.platform.accountId,
): Promise<string> {
  const defaults = defaultSettings('chat') as ChatSettings;
  const parsed = parseSettings(
    change({
      ...defaults,
      allowedOrigins: LOOPBACK,
      locale: 'en',
      schedule: { ...defaults.schedule, week: templates.always, holidays: false },
    }),
  );
  if (!parsed.ok) throw new Error(`invalid test settings: ${JSON.stringify(parsed.issues)}`);
  const widget = await stage.platform.platform.store.widgets.create({
    accountId,
    type: 'chat',
    name: `E2E chat ${++created}`,
    settings: parsed.value,
    now: stage.clock().getTime(),
  });
  return widget.key;
}

/** The chat widget's host element on `page`. */
export const chat = (page: Page) => page.locator('frontdesk-chat');
/** The stored and pending messages in the widget's log. */
export const bubbles = (page: Page) => chat(page).locator('[role=log] .bubble');

/**
 * The demo page with only the chat `key` on it, the window open and its composer focused.
 * `window.open` records messenger links instead of following them (no messenger runs here).
 */
export async function openChat(
  stage: Stage,
  key: string,
  options: VisitOptions = {},
): Promise<Visit> {
  const v = await visit(stage, `/lead.html?widget=${key}`, { locale: 'en-GB', ...options });
  await v.page.addInitScript(() => {
    window.open = ((url: string) => {
      (window as unknown as { __opened: string[] }).__opened.push(url);
      return null;
    }) as typeof window.open;
    (window as unknown as { __opened: string[] }).__opened = [];
  });
  await v.page.reload();
  await chat(v.page).locator('.launcher').click();
  await chat(v.page).locator('[role=dialog]').waitFor();
  await v.page.waitForFunction(
    () =>
      document.querySelector('frontdesk-chat')?.shadowRoot?.activeElement?.id === 'fd-chat-input',
  );
  return v;
}

/** Writes `text` in the widget's composer and sends it with Enter. */
export async function write(page: Page, text: string): Promise<void> {
  await chat(page).locator('#fd-chat-input').fill(text);
  await chat(page).locator('#fd-chat-input').press('Enter');
}
