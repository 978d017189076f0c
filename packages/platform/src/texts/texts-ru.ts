/** What the platform writes to people, in Russian. */
import { plural } from '@frontdesk/config';
import type { PlatformTexts } from './index';

/** Every text of the platform's e-mails and SMS, in Russian. */
export const platformTextsRu: PlatformTexts = {
  order: {
    intro: (widget) => `Посетитель заказал обратный звонок через виджет «${widget}».`,
    phone: 'Телефон',
    name: 'Имя',
    when: 'Когда',
    page: 'Страница',
    referrer: 'Откуда пришёл',
    utm: 'UTM',
    ordered: 'Заказ сделан',
    asap: 'как можно скорее',
    subject: (who) => `Заказ обратного звонка: ${who}`,
    sms: (who, when, widget) => `Перезвонить ${who}, ${when}: ${widget}`,
    smsNow: 'сейчас',
    notReachedSubject: (attempts, subject) =>
      `Не дозвонились за ${plural('ru', attempts, { one: '# звонок', few: '# звонка', many: '# звонков', other: '# звонка' })}: ${subject}`,
    notReachedEmail: (attempts) =>
      `Платформа позвонила ${plural('ru', attempts, { one: '# раз', few: '# раза', many: '# раз', other: '# раза' })} и не смогла соединить этот заказ. Перезвоните посетителю.`,
    notReachedSms: (body) => `Не дозвонились: ${body}`,
  },
  chat: {
    name: 'Имя',
    phone: 'Телефон',
    email: 'Эл. почта',
    page: 'Страница',
    sent: 'Отправлено',
    subject: (widget) => `Сообщение в чат в нерабочее время: ${widget}`,
    batchSubject: (widget) => `Сообщения в чат в нерабочее время: ${widget} (остаток часа)`,
    batchOpening: (perHour) =>
      `Посетитель написал больше ${plural('ru', perHour, { one: '# сообщения', few: '# сообщений', many: '# сообщений', other: '# сообщения' })} за час; остальные сообщения этого часа — ниже, сначала старые.`,
    batchFull: 'За этот час были ещё сообщения; прочитайте их в консоли.',
  },
  alert: {
    email: (subject) => `Письмо «${subject}»`,
    sms: 'SMS',
    notDelivered: (what, recipient) => `${what} на ${recipient} не удалось доставить;`,
    gaveUp: (attempts) =>
      `платформа прекратила попытки после ${plural('ru', attempts, { one: '# попытки', few: '# попыток', many: '# попыток', other: '# попытки' })}.`,
    stillTrying: (attempts) =>
      `Попыток уже ${attempts}; платформа повторяет их каждый час, пока сообщение не уйдёт.`,
    lastError: (error) => `Последняя ошибка: ${error ?? 'не записана'}`,
    queued: (at) => `Поставлено в очередь: ${at}`,
    order: (id) => `Касается заказа обратного звонка ${id}.`,
    listed: 'Все недоставленные сообщения — в исходящих (GET /v1/admin/outbox?status=failed).',
    subject: (channel, recipient) =>
      `Не доставлено ${channel === 'email' ? 'письмо' : 'SMS'} на ${recipient}`,
  },
  embed: {
    subject: (widget) => `Код виджета «${widget}» для сайта`,
    add: (widget) => `Добавьте виджет «${widget}» на каждую страницу сайта.`,
    paste:
      'Вставьте код перед закрывающим тегом </body>. Сайт должен быть среди сайтов, где работает виджет (это задаётся в Студии).',
    label: 'Виджет показывается ярлыком у края экрана. Код ярлыка:',
    button: 'Код кнопки (виджет показывает свою плавающую кнопку):',
    link: (attribute) =>
      `Или код ссылки: своей кнопки нет, виджет открывает любая ссылка или кнопка сайта с атрибутом ${attribute}:`,
    test: (url) => `Виджет отдельно, на тестовой странице: ${url}`,
  },
};
