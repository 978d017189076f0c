/**
 * The built-in "nobody available" texts of each widget type, each in both languages the widgets
 * speak (like every marketer's text, see localized-text.ts): what a new widget starts with, and
 * what settings stored before these texts existed get. None of them promises an immediate answer
 * or call.
 */
import type { TextLocale } from './locale';
import type { WidgetType } from './widget-settings';

/** A built-in text: a value in every language. */
type EveryLanguage = Readonly<Record<TextLocale, string>>;

/** The texts a widget shows while nobody can answer now: header, body and launcher. */
export interface NobodyTexts {
  title: EveryLanguage;
  text: EveryLanguage;
  buttonText: EveryLanguage;
}

/** The built-in texts, by widget type. */
export const NOBODY_TEXTS: Readonly<Record<WidgetType, NobodyTexts>> = {
  call: {
    title: { ru: 'Сейчас никто не может ответить', en: 'No one can answer right now' },
    text: {
      ru: 'Операторы заняты или не в сети. Закажите обратный звонок — мы перезвоним, как только сможем.',
      en: 'Our operators are busy or away. Order a callback and we will call you back as soon as we can.',
    },
    buttonText: { ru: 'Связаться с нами', en: 'Contact us' },
  },
  callback: {
    title: { ru: 'Перезвоним, как только сможем', en: 'We will call you back as soon as we can' },
    text: {
      ru: 'Оставьте номер или выберите удобное время — специалист свяжется с вами.',
      en: 'Leave your number or pick a convenient time, and a specialist will contact you.',
    },
    buttonText: { ru: 'Заказать звонок', en: 'Request a call' },
  },
  chat: {
    title: { ru: 'Оставьте сообщение', en: 'Leave us a message' },
    text: {
      ru: 'Сейчас никого нет на связи. Оставьте сообщение и контакт — мы ответим, как только сможем.',
      en: 'No one is online right now. Leave a message and your contact, and we will answer as soon as we can.',
    },
    buttonText: { ru: 'Напишите нам', en: 'Write to us' },
  },
};

/** A fresh copy of the built-in texts of `type`, in every language (settings are edited). */
export function nobodyTexts(type: WidgetType): {
  [K in keyof NobodyTexts]: Record<TextLocale, string>;
} {
  const { title, text, buttonText } = NOBODY_TEXTS[type];
  return { title: { ...title }, text: { ...text }, buttonText: { ...buttonText } };
}
