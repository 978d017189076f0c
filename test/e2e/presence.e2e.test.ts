/**
 * Honest presence, end to end: the shop page with all three demo widgets (chat button, callback
 * label, call link) against the real platform. With nobody of the group "Sales" online, the
 * visitor reads no promise of an immediate answer or call in any of the three — launchers,
 * headers, the callback's choices and confirmation, the call's dialog, which asks for no
 * microphone and offers a callback instead — and the chat offers its contact form; a visitor
 * who left a phone in a callback order is known to the chat on the next page. With an operator
 * online the same page makes those promises.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts as callRu } from '../../packages/call/src/texts-ru.ts';
import { texts as callbackRu } from '../../packages/callback/src/texts-ru.ts';
import { texts as contactRu } from '../../packages/chat/src/contact-texts-ru.ts';
import { NOBODY_TEXTS } from '../../packages/config/src/index.ts';
import { chat, write } from './chat-helpers.ts';
import {
  demoOperatorOnline,
  openWidget,
  type Stage,
  startStage,
  type Visit,
  visit,
} from './harness.ts';

/** What the demo widgets' working texts and the widgets' own texts promise, in Russian. */
const PROMISES = [
  'мы онлайн',
  'в течение нескольких минут',
  '30 секунд',
  callbackRu.callback.now,
  callbackRu.callback.sendNow,
  callbackRu.callback.doneNow,
  callRu.call.explain,
  // The demo operators: nobody's name stands above "nobody is here".
  'Oleg Operator',
  'Olga Operator',
];
const nobody = NOBODY_TEXTS;

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
});
afterAll(() => stage?.stop());

/** Everything the visitor can read in a widget now (its shadow root's rendered text). */
function widgetText(page: Page, tag: string): Promise<string> {
  return page.locator(tag).evaluate(
    // What is rendered, not every node's text: hidden parts promise nothing to anyone.
    // biome-ignore lint/performance/useDomNodeTextContent: see the line above
    (host) => (host.shadowRoot?.querySelector('.fd') as HTMLElement | null)?.innerText ?? '',
  );
}

/**
 * The shop page in a new Russian browser whose microphone requests are counted
 * (`window.__microphone`), once the chat and the callback widget have heard who is there.
 */
async function shop(): Promise<Visit> {
  const v = await visit(stage, '/');
  await v.context.addInitScript(() => {
    const counted = window as unknown as { __microphone: number };
    counted.__microphone = 0;
    const media = navigator.mediaDevices;
    if (media) {
      media.getUserMedia = async () => {
        counted.__microphone++;
        throw new DOMException('Permission denied', 'NotAllowedError');
      };
    }
  });
  const asked = ['demo-chat', 'demo-callback', 'demo-call'].map((key) =>
    v.page.waitForResponse((response) => response.url().endsWith(`/widgets/${key}/presence`)),
  );
  await v.page.reload();
  await Promise.all(asked);
  return v;
}

/** Closes the open dialog with Esc. */
async function closeDialog(page: Page, tag: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(`${tag} [role=dialog]`).waitFor({ state: 'detached' });
}

describe('with nobody online', () => {
  it('no widget promises an immediate answer or call; an order’s phone makes the chat know the visitor', async () => {
    const v = await shop();
    const seen: string[] = [];
    const chatLauncher = chat(v.page).locator('.launcher');
    expect((await chatLauncher.textContent())?.trim()).toBe(nobody.chat.buttonText.ru);
    seen.push(
      await widgetText(v.page, 'frontdesk-chat'),
      await widgetText(v.page, 'frontdesk-callback'),
    );

    // The callback: "as soon as possible", and a confirmation that says so.
    await openWidget(v.page);
    const callback = v.page.locator('frontdesk-callback');
    expect(await callback.locator('#fd-title').textContent()).toBe(nobody.callback.title.ru);
    expect(await callback.locator('.head').getAttribute('data-variant')).toBe('nobody');
    expect(await callback.locator('#fd-when option:checked').textContent()).toBe(
      callbackRu.callback.soon,
    );
    await callback.locator('#fd-phone').fill('912 345-67-89');
    seen.push(await widgetText(v.page, 'frontdesk-callback'));
    await callback.getByRole('button', { name: callbackRu.callback.send }).click();
    await callback.locator('.done').waitFor();
    expect(await callback.locator('.done p').textContent()).toBe(callbackRu.callback.doneSoon);
    seen.push(await widgetText(v.page, 'frontdesk-callback'));
    await closeDialog(v.page, 'frontdesk-callback');
    const demo = await stage.platform.platform.store.widgets.byKey('demo-callback');
    const orders = await stage.platform.platform.store.orders.open(demo?.accountId ?? '', 50);
    expect(orders.find((order) => order.phone === '+79123456789')).toMatchObject({ slot: null });

    // The next page: the chat knows the visitor by the order's phone, and asks for nothing.
    const asked = v.page.waitForResponse((r) => r.url().endsWith('/widgets/demo-chat/presence'));
    await v.page.reload();
    await asked;
    await chatLauncher.click();
    const window_ = chat(v.page).locator('[role=dialog]');
    await window_.waitFor();
    expect(await window_.locator('.title').textContent()).toBe(nobody.chat.title.ru);
    expect(await window_.locator('.head').getAttribute('data-variant')).toBe('nobody');
    await write(v.page, 'Есть ли детские велосипеды?');
    await window_.getByText(contactRu.known('+79123456789')).waitFor();
    expect(await window_.getByRole('form').count()).toBe(0);
    seen.push(await widgetText(v.page, 'frontdesk-chat'));
    await closeDialog(v.page, 'frontdesk-chat');

    // The call: it says nobody can answer before any microphone, and offers a callback.
    await v.page.locator('a[data-frontdesk-open="demo-call"]').click();
    const call = v.page.locator('frontdesk-call [role=dialog]');
    await call.waitFor();
    expect(await call.locator('.title').textContent()).toBe(nobody.call.title.ru);
    expect(await call.getByRole('button', { name: callRu.call.call, exact: true }).count()).toBe(0);
    seen.push(await widgetText(v.page, 'frontdesk-call'));
    await call.getByRole('button', { name: callRu.call.orderCallback }).click();
    await v.page.locator('frontdesk-callback [role=dialog]').waitFor();
    expect(
      await v.page.evaluate(() => (window as unknown as { __microphone: number }).__microphone),
    ).toBe(0);

    for (const text of seen) {
      for (const promise of PROMISES) expect(text).not.toContain(promise);
    }
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });

  it('the chat’s contact form makes what the visitor gives the conversation’s contact', async () => {
    const v = await shop();
    await chat(v.page).locator('.launcher').click();
    const window_ = chat(v.page).locator('[role=dialog]');
    await window_.waitFor();
    await write(v.page, 'Перезвоните насчёт аренды');
    const form = window_.getByRole('form', { name: contactRu.title });
    await form.waitFor();
    await form.getByLabel(contactRu.name).fill('Анна');
    await form.getByLabel(contactRu.phone).fill('8 (916) 765-43-21');
    await form.getByRole('button', { name: contactRu.send }).click();
    await window_.getByText(contactRu.known('8 (916) 765-43-21')).waitFor();
    // The operator sees it with the conversation.
    const operator = await demoOperatorOnline(stage);
    try {
      const list = await operator.ask<{
        ok: boolean;
        conversations: { id: string; visitor: { name: string | null } }[];
      }>('chat:list', {});
      const conversation = list.conversations.find((c) => c.visitor.name === 'Анна');
      const detail = await operator.ask<{ ok: boolean; contact: { phone: string | null } }>(
        'chat:open',
        { conversationId: conversation?.id ?? '' },
      );
      expect(detail.contact).toMatchObject({ name: 'Анна', phone: '+79167654321' });
    } finally {
      operator.socket.close();
    }
    await v.context.close();
  });
});

describe('with an operator online', () => {
  it('the same widgets promise an answer and a call now', async () => {
    const operator = await demoOperatorOnline(stage, 'operator2@demo.test');
    try {
      const v = await shop();
      const chatLauncher = chat(v.page).locator('.launcher');
      await expect.poll(() => chatLauncher.textContent()).toContain('мы онлайн');
      await chatLauncher.click();
      const window_ = chat(v.page).locator('[role=dialog]');
      await window_.waitFor();
      expect(await widgetText(v.page, 'frontdesk-chat')).toContain('в течение нескольких минут');
      await closeDialog(v.page, 'frontdesk-chat');

      await openWidget(v.page);
      const callback = v.page.locator('frontdesk-callback');
      expect(await callback.locator('#fd-title').textContent()).toContain('30 секунд');
      expect(await callback.locator('#fd-when option:checked').textContent()).toBe(
        callbackRu.callback.now,
      );
      await closeDialog(v.page, 'frontdesk-callback');

      await v.page.locator('a[data-frontdesk-open="demo-call"]').click();
      const call = v.page.locator('frontdesk-call [role=dialog]');
      await call.getByRole('button', { name: callRu.call.call, exact: true }).waitFor();
      expect(await widgetText(v.page, 'frontdesk-call')).toContain(callRu.call.explain);
      expect(v.pageErrors).toEqual([]);
      await v.context.close();
    } finally {
      operator.socket.close();
    }
  });
});
