/**
 * A call's `reply_markup`, checked as Telegram checks an inline keyboard: rows of buttons, each
 * with a text and one action (callback_data of 1–64 bytes, or an http(s)/tg URL). Reply
 * keyboards and the other markups are accepted and, having nothing to show here, dropped.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from '@grammyjs/types';
import { badRequest } from '../api-error';
import type { Params } from '../params';

const MAX_CALLBACK_DATA_BYTES = 64;

function button(value: unknown): InlineKeyboardButton {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (typeof fields.text !== 'string' || fields.text.trim() === '') {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  if (typeof fields.callback_data === 'string') {
    const bytes = Buffer.byteLength(fields.callback_data);
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
    return { text: fields.text, callback_data: fields.callback_data };
  }
  if (typeof fields.url === 'string') {
    if (!/^(https?|tg):\/\/\S+$/i.test(fields.url)) throw badRequest('BUTTON_URL_INVALID');
    return { text: fields.text, url: fields.url };
  }
  throw badRequest(
    "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
  );
}

/** The inline keyboard `reply_markup` carries, or undefined when it carries none. */
export function inlineKeyboard(params: Params): InlineKeyboardMarkup | undefined {
  const markup = params.json('reply_markup', 'reply keyboard markup JSON object');
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null || Array.isArray(markup)) {
    throw badRequest('object expected as reply markup');
  }
  if (!('inline_keyboard' in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest(
      'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
  }
  return { inline_keyboard: rows.map((row: unknown[]) => row.map(button)) };
}
