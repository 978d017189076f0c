/**
 * One language per widget, as visitors of the demo site's English and Russian pages meet them
 * (each page in a browser of the other language: the page's wins): every widget opened, every
 * text it shows read — the launchers, the dialogs, the lists of the fields — and not one word
 * of the other language, save the brand names; with nobody online (the "nobody available"
 * texts, which promise nothing) and with an operator online (the working texts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, NOBODY_TEXTS } from '../../packages/config/src/index.ts';
import { demoOperatorOnline, type Stage, startStage, visit } from './harness.ts';

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

const working = (type: 'callback' | 'chat') => defaultSettings(type).appearance.working.title;

/** Who is online, what the callback and the chat are titled then, and what must not show. */
const CASES = [
  {
    who: 'nobody online',
    operator: undefined,
    callback: NOBODY_TEXTS.callback.title,
    chat: NOBODY_TEXTS.chat.title,
    // Promises of an immediate answer or call, in either language.
    never: [/30 seconds/i, /we are online/i, /minutes/i, /30 секунд/i, /онлайн!/i, /минут/i],
  },
  {
    who: 'an operator online',
    operator: 'operator2@demo.test',
    callback: working('callback'),
    chat: working('chat'),
    never: [],
  },
] as const;

describe.each(CASES)('one language per widget, $who', (c) => {
  /** Runs `journey` while `c`'s operator (if any) is online. */
  async function online(journey: () => Promise<void>): Promise<void> {
    const operator = c.operator ? await demoOperatorOnline(stage, c.operator) : undefined;
    try {
      await journey();
    } finally {
      operator?.socket.close();
    }
  }

  /** Each page in a browser of the other language; the words of the other language it shows. */
  const PAGES = [
    {
      page: 'the English page: not one Russian word in any widget',
      path: '/en.html',
      browser: 'ru-RU',
      lang: 'en',
      foreign: (text: string) => text.match(/[\p{Script=Cyrillic}]+/gu) ?? [],
      words: ['Request a call', 'Germany +49'],
    },
    {
      page: 'the Russian page: not one English word in any widget, brand names aside',
      path: '/ru.html',
      browser: 'en-GB',
      lang: 'ru',
      foreign: (text: string) =>
        (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !BRANDS.has(word)),
      words: ['Заказать звонок', 'Германия +49'],
    },
  ] as const;

  it.each(PAGES)('$page', (p) =>
    online(async () => {
      const v = await visit(stage, p.path, { locale: p.browser });
      const seen = await readAll(v.page);
      for (const [type, text] of Object.entries(seen)) {
        expect(text.length, type).toBeGreaterThan(50);
        expect(p.foreign(text), type).toEqual([]);
        for (const promise of c.never) expect(text, type).not.toMatch(promise);
      }
      for (const word of p.words) expect(seen.callback).toContain(word);
      expect(seen.callback).toContain(c.callback[p.lang]);
      expect(seen.chat).toContain(c.chat[p.lang]);
      expect(v.pageErrors).toEqual([]);
      await v.context.close();
    }),
  );
});
