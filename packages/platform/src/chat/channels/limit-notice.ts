/**
 * What a messenger customer over the chat's per-visitor rate limit is told (receive-message.ts):
 * the site chat's visitor sees the refusal and their widget sends again, a messenger customer
 * must send it again themselves. In the widget's main language, as the rating's texts.
 */
import { type ChatSettings, localeFor, type TextLocale } from '@frontdesk/config';

const TEXTS: Readonly<Record<TextLocale, string>> = {
  en: 'You are writing too fast: please send your last message again in a moment.',
  ru: 'Вы пишете слишком быстро: отправьте, пожалуйста, последнее сообщение ещё раз чуть позже.',
};

/** The notice of a chat widget with `settings`. */
export function limitNotice(settings: ChatSettings): string {
  return TEXTS[localeFor(settings, undefined)];
}
