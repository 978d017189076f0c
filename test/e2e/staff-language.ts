/**
 * What a staff app shows that is not in the language it should speak: a catalogue key shown raw
 * (`dock.automatic`), an English catalogue text on a Russian screen, and on a Russian screen any
 * text with two Latin words and no Cyrillic letter once the data is taken out (names, widget
 * names, e-mails, addresses; a Russian sentence may name Telegram or example.com). The page's
 * text is read as a person and a screen reader get it: text nodes, and the labels, placeholders
 * and titles of elements; the widgets' previews (their own shadow roots, in the widget's language)
 * and whatever is marked as another language (`lang`, the switcher's own names) are not the app's.
 */
import type { Page } from 'playwright-core';
import { consoleTextsEn } from '../../packages/console/src/i18n/texts-en.ts';
import { consoleTextsRu } from '../../packages/console/src/i18n/texts-ru.ts';
import { staffTextsEn } from '../../packages/staff/src/texts-en.ts';
import { staffTextsRu } from '../../packages/staff/src/texts-ru.ts';
import { studioTextsEn } from '../../packages/studio/src/i18n/texts-en.ts';
import { studioTextsRu } from '../../packages/studio/src/i18n/texts-ru.ts';
import { axeViolations } from './axe.ts';
import type { Stage } from './harness.ts';

/** A catalogue's leaves: the dotted key and its value. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object') return [[prefix, node]];
  return Object.entries(node).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** A stand-in for a text's parameter: it never occurs in a real text. */
const HOLE = '\u2063';

/**
 * The fixed words of a catalogue value: a string itself, a function's text around its parameters
 * (called with stand-ins; a function that needs real values gives none).
 */
function fixedParts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'function') return [];
  try {
    const text = (value as (...args: unknown[]) => unknown)(HOLE, HOLE, HOLE, HOLE);
    return typeof text === 'string' ? text.split(HOLE) : [];
  } catch {
    return [];
  }
}

const pairs = [
  [consoleTextsEn, consoleTextsRu],
  [studioTextsEn, studioTextsRu],
  [staffTextsEn, staffTextsRu],
] as const;

/** Every catalogue key with a dot: shown on a screen, it is a key no text was found for. */
const KEYS = new Set(pairs.flatMap(([en]) => leaves(en).map(([key]) => key)));

/**
 * The English texts a Russian screen must not show: each catalogue's English fixed words of at
 * least two words that the Russian catalogue does not also use (brand names, "E-mail", "SMS").
 */
const ENGLISH = (() => {
  const russian = new Set(pairs.flatMap(([, ru]) => leaves(ru).flatMap(([, v]) => fixedParts(v))));
  const english = pairs.flatMap(([en]) => leaves(en).flatMap(([, v]) => fixedParts(v)));
  return [
    ...new Set(
      english
        .map((part) => part.trim())
        .filter((part) => /[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(part) && !russian.has(part)),
    ),
  ];
})();

/** The app's own text on `page`: text nodes and the text of labelling attributes. */
export function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const own = (element: Element) => {
      const lang = element.closest('[lang]')?.getAttribute('lang');
      return lang === document.documentElement.lang && element.checkVisibility();
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node as HTMLElement;
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(element.tagName)) continue;
      if (!own(element)) continue;
      for (const child of element.childNodes) {
        const text = child.nodeType === Node.TEXT_NODE ? child.textContent?.trim() : '';
        if (text) texts.push(text);
      }
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
        const text = element.getAttribute(name)?.trim();
        if (text) texts.push(text);
      }
      if (element instanceof HTMLInputElement && ['submit', 'button'].includes(element.type)) {
        texts.push(element.value);
      }
    }
    return texts;
  });
}

/** The data a Russian screen may show in Latin letters: the journey's and the demo's. */
export interface Allowed {
  /** Names of people, widgets, groups, pages, as shown. */
  texts: string[];
}

/**
 * The demo account's data a screen shows in Latin letters: its people, its group, its widgets'
 * names, and the pages the journeys' visitors come from.
 */
export async function demoData(stage: Stage): Promise<Allowed> {
  const { store } = stage.platform.platform;
  const admin = await store.users.byEmail('admin@demo.test');
  if (!admin) throw new Error('the demo account is not seeded');
  const [users, widgets] = await Promise.all([
    store.users.list(admin.accountId),
    store.widgets.list(admin.accountId),
  ]);
  return {
    texts: [
      ...users.map((user) => user.name),
      ...widgets.map((widget) => widget.name),
      'Sales',
      'Bikes',
      'Call me back',
    ],
  };
}

/** Words that are data in any language: e-mails, addresses, numbers, codes. */
const DATA = [
  /^\S+@\S+$/,
  /^(https?|wss?):\/\/\S*$/,
  /^[\w.-]+\.(test|example|com|ru)\S*$/,
  /^[#+\d:().,/–—-]*$/,
  /^[A-Z]{2,}\W*$/,
  // Keys as their caps name them, on a Russian keyboard too: "Alt+Shift+A".
  /^((Alt|Shift|Ctrl|Control|Meta|Cmd|Enter|Tab|Esc)\+?)+[A-Z0-9]?$/,
  // A time zone's IANA name, "(Asia/Yekaterinburg)".
  /^\(?[A-Z][a-z]+(\/[A-Za-z_-]+)+\)?[.,;]?$/,
];

/**
 * What `page` shows that `language` should not: in both, catalogue keys shown raw; in Russian,
 * once `allowed` and other data are taken out, English catalogue texts, and texts of two or more
 * Latin words without a Cyrillic letter.
 */
export async function untranslated(
  page: Page,
  language: 'en' | 'ru',
  allowed: Allowed = { texts: [] },
): Promise<string[]> {
  const texts = await shownTexts(page);
  const found = new Set<string>();
  // Longest first, so that a name is taken out whole before a shorter one inside it.
  const data = allowed.texts.toSorted((a, b) => b.length - a.length);
  for (const text of texts) {
    if (KEYS.has(text)) found.add(`key: ${text}`);
    if (language === 'en' || KEYS.has(text)) continue;
    const words = data
      .reduce<string>((rest, name) => rest.split(name).join(' '), text)
      .split(/\s+/)
      .filter((word) => !DATA.some((pattern) => pattern.test(word)))
      .join(' ');
    const english = ENGLISH.find((part) => words.includes(part));
    if (english) found.add(`English text: ${english} (in "${text}")`);
    else if (!/\p{Script=Cyrillic}/u.test(words) && /[A-Za-z]{2,}\W+[A-Za-z]{2,}/.test(words)) {
      found.add(`Latin: ${text}`);
    }
  }
  return [...found];
}

/**
 * Waits until nothing is loading, no entry animation runs and the page's text, its widgets'
 * shadow roots included, stays the same for a moment: a widget preview mounts after the app's own
 * text has settled, and axe reads a dialog still fading in as text without contrast.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  let before: string | null = '';
  for (;;) {
    const quiet = await page.waitForFunction(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (const root of roots) {
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      const entering = roots.some((root) =>
        root
          .getAnimations()
          .some(
            (animation) =>
              animation.playState === 'running' &&
              animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
          ),
      );
      // An array, so that an empty page's text is a value too.
      const text = roots.map((root) => (root instanceof Document ? root.body : root).textContent);
      return entering ? false : [text.join('\n')];
    });
    const [now] = (await quiet.jsonValue()) as [string];
    if (now === before) return;
    before = now;
    await page.waitForTimeout(300);
  }
}

/**
 * What is wrong with the screen `page` shows once it has settled: axe's WCAG 2.2 AA violations
 * and what is not in `language` ({@link untranslated}).
 */
export async function screenProblems(
  page: Page,
  language: 'en' | 'ru',
  allowed: Allowed,
): Promise<string[]> {
  await settled(page);
  return [...(await axeViolations(page)), ...(await untranslated(page, language, allowed))];
}
