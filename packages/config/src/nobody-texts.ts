/**
 * The built-in "nobody available" texts of each widget type, in both languages the widgets
 * speak: what a new widget starts with, and what settings stored before these texts existed
 * get. None of them promises an immediate answer or call.
 */
import type { WidgetType } from './widget-settings';

/** The texts a widget shows while nobody can answer now: header, body and launcher. */
export interface NobodyTexts {
  title: string;
  text: string;
  buttonText: string;
}

/** The built-in texts, by language and widget type. */
export const NOBODY_TEXTS: Readonly<
  Record<'ru' | 'en', Readonly<Record<WidgetType, NobodyTexts>>>
> = {
  ru: {
    call: {
      title: 'Сейчас никто не может ответить',
      text: 'Операторы заняты или не в сети. Закажите обратный звонок — мы перезвоним, как только сможем.',
      buttonText: 'Связаться с нами',
    },
    callback: {
      title: 'Перезвоним, как только сможем',
      text: 'Оставьте номер или выберите удобное время — специалист свяжется с вами.',
      buttonText: 'Заказать звонок',
    },
    chat: {
      title: 'Оставьте сообщение',
      text: 'Сейчас никого нет на связи. Оставьте сообщение и контакт — мы ответим, как только сможем.',
      buttonText: 'Напишите нам',
    },
  },
  en: {
    call: {
      title: 'No one can answer right now',
      text: 'Our operators are busy or away. Order a callback and we will call you back as soon as we can.',
      buttonText: 'Contact us',
    },
    callback: {
      title: 'We will call you back as soon as we can',
      text: 'Leave your number or pick a convenient time, and a specialist will contact you.',
      buttonText: 'Request a call',
    },
    chat: {
      title: 'Leave us a message',
      text: 'No one is online right now. Leave a message and your contact, and we will answer as soon as we can.',
      buttonText: 'Write to us',
    },
  },
};

/**
 * A fresh copy of the Russian texts of `type` (the language of every default; see
 * default-settings.ts).
 */
export function nobodyTexts(type: WidgetType): NobodyTexts {
  return { ...NOBODY_TEXTS.ru[type] };
}
