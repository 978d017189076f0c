/** answerCallbackQuery: ends the customer's button press, with a notice or an alert to show. */
import { badRequest } from '../api-error';
import type { MethodCall } from './method-call';

const MAX_ANSWER_TEXT = 200;

export function answerCallbackQuery({ telegram, state, params }: MethodCall): true {
  const id = params.string('callback_query_id') ?? '';
  const chatId = state.callbackQueries.get(id);
  if (chatId === undefined) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const text = params.string('text');
  if (text && text.length > MAX_ANSWER_TEXT) throw badRequest('MESSAGE_TOO_LONG');
  const url = params.string('url');
  state.callbackQueries.delete(id);
  telegram.emit({
    type: 'callback-answer',
    bot: state.bot.username,
    chatId,
    callbackQueryId: id,
    showAlert: params.flag('show_alert'),
    ...(text ? { text } : {}),
    ...(url ? { url } : {}),
  });
  return true;
}
