/**
 * The languages of a widget's settings: its main language, the languages a visitor may be shown
 * (those that lack no text the main language has: a widget never mixes languages), and the
 * reading of settings stored before texts had languages (a plain string is the main language's).
 */
import { dottedPath, type SettingsIssue } from './issues';
import { TEXT_LOCALES, type TextLocale } from './locale';
import type { LocalizedText } from './localized-text';
import { mapTexts } from './map-texts';
import { type WidgetSettings, WidgetSettingsSchema } from './widget-settings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isTextLocale = (value: unknown): value is TextLocale =>
  (TEXT_LOCALES as readonly unknown[]).includes(value);

/** Whether `text` has a visible value in `locale`. */
function has(text: LocalizedText, locale: TextLocale): boolean {
  return (text[locale]?.trim() ?? '') !== '';
}

/**
 * The main language of (possibly unparsed) settings: a fixed `locale`, else `mainLocale`,
 * else Russian (the language of every widget's texts before they had languages).
 */
export function mainLocaleOf(settings: { locale?: unknown; mainLocale?: unknown }): TextLocale {
  if (isTextLocale(settings.locale)) return settings.locale;
  return isTextLocale(settings.mainLocale) ? settings.mainLocale : 'ru';
}

/**
 * The languages a visitor may be shown, the main one first: with a fixed `locale` that one
 * only; with "auto" also every other language that lacks none of the texts the main language
 * has (a visitor's language that lacks one is not offered at all, so the widget falls back to
 * the main language as a whole).
 */
export function languagesOf(settings: WidgetSettings): TextLocale[] {
  const main = mainLocaleOf(settings);
  if (settings.locale !== 'auto') return [main];
  const texts: LocalizedText[] = [];
  mapTexts(WidgetSettingsSchema, settings, (text) => {
    texts.push(text as LocalizedText);
    return text;
  });
  const complete = (locale: TextLocale) => texts.every((t) => !has(t, main) || has(t, locale));
  return [main, ...TEXT_LOCALES.filter((locale) => locale !== main && complete(locale))];
}

/**
 * The language of `settings` a visitor who reads `wanted` is shown: `wanted` when it is offered
 * (see {@link languagesOf}), else the main language — for every text, so nothing is mixed.
 */
export function localeFor(settings: WidgetSettings, wanted: string | undefined): TextLocale {
  const offered = languagesOf(settings);
  return offered.find((locale) => locale === wanted) ?? mainLocaleOf(settings);
}

/**
 * Settings as stored before texts had languages, in today's shape: a text that is a plain
 * string becomes the main language's value, and the main language is recorded. Anything else
 * is left as it is, for `parseSettings` to judge; nothing is lost.
 */
export function upgradeSettings(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const main = mainLocaleOf(input);
  const upgraded = mapTexts(WidgetSettingsSchema, input, (text) =>
    typeof text === 'string' ? { [main]: text } : text,
  );
  if (upgraded === input || 'mainLocale' in input) return upgraded;
  return { ...upgraded, mainLocale: main };
}

/** Issues of the required texts that are empty in the main language, at `….title.ru`. */
export function mainLanguageIssues(input: unknown): SettingsIssue[] {
  if (!isRecord(input)) return [];
  const main = mainLocaleOf(input);
  const issues: SettingsIssue[] = [];
  mapTexts(WidgetSettingsSchema, input, (text, path, required) => {
    if (required && isRecord(text) && !has(text as LocalizedText, main)) {
      issues.push({ path: dottedPath([...path, main]), message: 'must not be empty' });
    }
    return text;
  });
  return issues;
}
