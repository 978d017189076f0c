/**
 * One language per widget, as visitors of the demo site's English and Russian pages meet them
 * (each page in a browser of the other language: the page's wins): every widget opened, every
 * text it shows read — the launchers, the dialogs, the lists of the fields — and not one word
 * of the other language, save the brand names.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stage, startStage, visit } from './harness.ts';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
});
afterAll(() => stage?.stop());

/** Latin words a Russian widget may show: names, not English. */
const BRANDS = new Set(['Frontdesk', 'Telegram', 'Viber', 'VK', 'Facebook']);

/**
 * Everything `host`'s widget shows in words: the text of its shadow root (options of its
 * lists included, which a visitor reads when they open them) and its placeholders, titles and
 * accessible names given by attributes.
 */
function shownText(host: Locator): Promise<string> {
  return host.evaluate((element) => {
    const root = element.shadowRoot;
    if (!root) return '';
    const words: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // The honeypot is for bots; visitors never see it.
      if (parent && !parent.closest('.trap') && parent.tagName !== 'STYLE') {
        words.push(node.textContent ?? '');
      }
    }
    for (const el of root.querySelectorAll('[placeholder],[aria-label],[title],optgroup[label]')) {
      if (el.closest('.trap')) continue;
      for (const name of ['placeholder', 'aria-label', 'title', 'label']) {
        const value = el.getAttribute(name);
        if (value) words.push(value);
      }
    }
    return words.join('\n');
  });
}

const host = (page: Page, type: string) => page.locator(`frontdesk-${type}`);

/** Opens the page's three widgets one after another, and what each showed, by type. */
async function readAll(page: Page): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const chat = host(page, 'chat');
  await chat.locator('.launcher').click();
  await chat.locator('[role=dialog] [role=log]').waitFor();
  // The connection settles: its status line is in words too.
  await page.waitForLoadState('networkidle');
  seen.chat = await shownText(chat);
  await page.keyboard.press('Escape');

  const callback = host(page, 'callback');
  await callback.locator('.launcher').click();
  await callback.locator('[role=dialog] #fd-when').waitFor();
  // Every country, named: the list as it is once opened.
  await callback.locator('#fd-country').focus();
  await expect.poll(() => callback.locator('#fd-country option').count()).toBeGreaterThan(200);
  seen.callback = await shownText(callback);
  await page.keyboard.press('Escape');

  await page.locator('a[data-frontdesk-open="demo-call"]').first().click();
  const call = host(page, 'call');
  await call.locator('[role=dialog]').waitFor();
  seen.call = await shownText(call);
  return seen;
}

describe('one language per widget', () => {
  it('the English page: not one Russian word in any widget', async () => {
    const v = await visit(stage, '/en.html', { locale: 'ru-RU' });
    const seen = await readAll(v.page);
    for (const [type, text] of Object.entries(seen)) {
      expect(text.length, type).toBeGreaterThan(50);
      expect(text.match(/[\p{Script=Cyrillic}]+/gu) ?? [], type).toEqual([]);
    }
    expect(seen.callback).toContain('Request a call');
    expect(seen.callback).toContain('We will call you back in 30 seconds');
    expect(seen.chat).toContain('Online chat');
    expect(seen.callback).toContain('Germany +49');
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });

  it('the Russian page: not one English word in any widget, brand names aside', async () => {
    const v = await visit(stage, '/ru.html', { locale: 'en-GB' });
    const seen = await readAll(v.page);
    for (const [type, text] of Object.entries(seen)) {
      expect(text.length, type).toBeGreaterThan(50);
      const latin = (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !BRANDS.has(word));
      expect(latin, type).toEqual([]);
    }
    expect(seen.callback).toContain('Заказать звонок');
    expect(seen.chat).toContain('Онлайн-чат');
    expect(seen.callback).toContain('Германия +49');
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });
});
