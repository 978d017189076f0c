/**
 * A marketer's text in one language: a module of its own, importing nothing, so an opened
 * widget's chunk can read its texts without taking in the schemas (and the bundler need not split
 * a chunk off the launcher's for them).
 */
import type { LocalizedText } from './localized-text';

/** `text` in `locale` ('' when it lacks that language). */
export function textIn(text: LocalizedText | undefined, locale: string): string {
  return text?.[locale as keyof LocalizedText] ?? '';
}
