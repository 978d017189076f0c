/** A platform error as staff read it, in the app's language. */
import { PlatformError } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { errorText } from '../src/error-text';

const taken = new PlatformError(409, 'email_taken', 'ann@shop.example already has an account.');
const tooShort = new PlatformError(
  400,
  'invalid',
  'Passwords have at least 10 characters.',
  'password',
);

describe('errorText', () => {
  it('keeps the platform’s own English words in English', () => {
    expect(errorText('en', taken)).toBe('ann@shop.example already has an account.');
    expect(errorText('en', tooShort)).toBe('Passwords have at least 10 characters.');
  });

  it('says a code it knows in Russian, never the platform’s English', () => {
    expect(errorText('ru', taken)).toBe('С этой эл. почтой уже есть учётная запись.');
    expect(errorText('ru', new PlatformError(403, 'forbidden', 'Admins only.'))).toBe(
      'Вашей роли это не разрешено.',
    );
    expect(errorText('ru', new PlatformError(404, 'trunk_not_found', 'No trunk t1.'))).toBe(
      'Этого больше нет: возможно, кто-то удалил.',
    );
    // A socket's refusal has no HTTP status; its code is enough.
    expect(errorText('ru', new PlatformError(0, 'not_yours', 'Olga holds this chat.'))).toBe(
      'Это уже взял коллега.',
    );
  });

  it('in Russian, says a field’s validation message, or points at the marked field, else says the kind of failure by the status', () => {
    const notAnEmail = new PlatformError(400, 'invalid', 'must be an e-mail address', 'email');
    expect(errorText('ru', notAnEmail)).toBe(
      'Платформа не приняла это значение: оно должно быть адресом эл. почты.',
    );
    // A rule that is a whole sentence is said as one.
    const noTrigger = new PlatformError(
      400,
      'invalid',
      'choose at least one trigger, or turn the lead generator off',
      'leadGenerator.triggers',
    );
    expect(errorText('ru', noTrigger)).toBe(
      'Платформа не приняла это значение: выберите хотя бы один триггер или выключите генератор лидов.',
    );
    expect(errorText('ru', tooShort)).toBe(
      'Платформа не приняла это значение: проверьте отмеченное поле.',
    );
    expect(errorText('ru', new PlatformError(422, 'parked', 'Parked.'))).toBe(
      'Платформа не приняла эти данные. Проверьте, что вы ввели.',
    );
    expect(errorText('ru', new PlatformError(503, 'upstream', 'Down.'))).toBe(
      'На платформе что-то пошло не так. Попробуйте позже.',
    );
    expect(errorText('ru', new PlatformError(0, 'toString', 'Odd.'))).toBe(
      'Что-то пошло не так. Попробуйте снова.',
    );
  });

  it('says a platform out of reach (fetch’s TypeError) in each language', () => {
    const offline = new TypeError('Failed to fetch');
    expect(errorText('en', offline)).toBe(
      'The platform could not be reached. Check the connection and try again.',
    );
    expect(errorText('ru', offline)).toBe(
      'Нет связи с платформой. Проверьте подключение и попробуйте снова.',
    );
    expect(errorText('ru', new Error('boom'))).toBe('Что-то пошло не так. Попробуйте снова.');
    expect(errorText('en', new Error('boom'))).toBe('boom');
  });
});
