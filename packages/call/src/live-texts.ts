/**
 * A call's own texts (its states, its buttons, why it failed), a chunk per language that comes
 * with the call itself on the first press, and every text of the widget joined. Apart from
 * call-messages.ts, which the launcher loads: this is the opened widget's.
 */
import type { Locale } from '@frontdesk/core';
import {
  type LiveCallMessages,
  loadOpenedTexts,
  type OpenedTexts,
  type Texts,
} from './call-messages';

/** A call's own texts of `locale`. */
export async function loadLiveTexts(locale: Locale): Promise<LiveCallMessages> {
  return (await (locale === 'ru' ? import('./live-texts-ru') : import('./live-texts-en')))
    .liveTexts;
}

/** `opened` with a call's own texts: every text of the widget. */
export function withLiveTexts(opened: OpenedTexts, live: LiveCallMessages): Texts {
  return { core: opened.core, call: { ...opened.call, ...live } };
}

/** Every text of `locale`, a call's included (for whoever renders the call itself: tests). */
export async function loadTexts(locale: Locale): Promise<Texts> {
  const [opened, live] = await Promise.all([loadOpenedTexts(locale), loadLiveTexts(locale)]);
  return withLiveTexts(opened, live);
}
