/** The callback widget's texts in Russian. */
import { coreMessagesRu } from '@frontdesk/core';
import type { Texts } from './callback-messages';

/** Every text of the opened widget, in Russian. */
export const texts: Texts = {
  core: coreMessagesRu,
  callback: {
    phone: 'Номер телефона',
    country: 'Код страны',
    phoneRequired: 'Введите номер телефона.',
    phoneIncomplete: 'Номер введён не полностью.',
    phoneInvalid: 'Номер выглядит неверным.',
    phoneValid: 'Номер введён верно.',
    name: 'Ваше имя (необязательно)',
    when: 'Когда вам позвонить?',
    now: 'Прямо сейчас',
    soon: 'Как можно скорее',
    chooseTime: 'Выберите время',
    timeRequired: 'Выберите время звонка.',
    noSlots: 'В ближайшие дни нет свободного времени. Попробуйте позже.',
    yourZone: (zone) => `Время указано в вашем часовом поясе (${zone}).`,
    companyTime: (time) => `${time} по времени компании`,
    consent: 'Я согласен на обработку персональных данных',
    sendNow: 'Позвоните мне сейчас',
    sendAt: (when) => `Позвоните мне ${when}`,
    send: 'Перезвоните мне',
    sending: 'Отправляем…',
    doneTitle: 'Спасибо!',
    doneNow: 'Сейчас мы вам позвоним.',
    doneSoon: 'Мы перезвоним вам как можно скорее.',
    doneAt: (when) => `Мы позвоним вам ${when}.`,
    kept: 'Нет связи с интернетом. Отправим заявку, когда связь появится.',
    trap: 'Оставьте это поле пустым',
  },
};
