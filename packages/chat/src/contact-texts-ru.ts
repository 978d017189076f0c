/** The contact form's texts in Russian. */
import type { ContactMessages } from './contact-messages';

/** Every text of the contact form, in Russian. */
export const texts: ContactMessages = {
  title: 'Сейчас никто не может ответить. Оставьте контакт — мы ответим, как только сможем.',
  name: 'Имя (необязательно)',
  phone: 'Телефон',
  email: 'E-mail',
  send: 'Оставить контакт',
  sending: 'Отправляем…',
  needOne: 'Укажите телефон или e-mail.',
  phoneInvalid: 'Номер выглядит неверным.',
  emailInvalid: 'Адрес выглядит неверным.',
  known: (to) => `Мы ответим вам: ${to}.`,
};
