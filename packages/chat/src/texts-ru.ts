/** The chat widget's texts in Russian. */
import { coreMessagesRu } from '@frontdesk/core';
import type { Texts } from './chat-messages';

/** Every text of the opened chat, in Russian. */
export const texts: Texts = {
  core: coreMessagesRu,
  chat: {
    chatTab: 'Чат',
    callbackTab: 'Перезвоните мне',
    log: 'Переписка',
    message: 'Ваше сообщение',
    placeholder: 'Напишите сообщение…',
    send: 'Отправить',
    you: 'Вы',
    operator: 'Оператор',
    auto: 'Автоответ',
    sending: 'Отправляется…',
    waiting: 'Отправим, когда появится связь',
    sent: 'Отправлено',
    read: 'Прочитано',
    notSent: 'Не отправлено',
    typing: 'Оператор печатает…',
    connecting: 'Подключаемся…',
    empty: 'Напишите нам — ответим здесь.',
    unread: (count) => `Непрочитанных сообщений: ${count}`,
    rateTitle: 'Как прошёл разговор?',
    ratings: {
      excellent: 'Отлично',
      good: 'Хорошо',
      satisfactory: 'Удовлетворительно',
      poor: 'Плохо',
    },
    rated: 'Спасибо за оценку!',
    continueIn: (messenger) => `Продолжить в ${messenger}`,
    consent: 'Я согласен на обработку персональных данных',
    callbackTitle: 'Перезвоним вам',
    sampleVisitor: 'Здравствуйте! Вы доставляете по выходным?',
    sampleOperator:
      'Здравствуйте! Да, каждый день с 9:00 до 21:00. Подробнее: https://example.com/delivery',
  },
};
