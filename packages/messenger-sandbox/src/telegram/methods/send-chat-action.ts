/** sendChatAction: "typing…" (or another action) under the bot's name for 5 seconds. */
import { badRequest } from '../api-error';
import type { MethodCall } from './method-call';
import { refuseWhenBlocked, targetChat } from './target-chat';

const ACTIONS = [
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
];

export function sendChatAction(call: MethodCall): true {
  const chat = targetChat(call);
  const action = call.params.string('action') ?? '';
  if (!ACTIONS.includes(action)) throw badRequest('wrong parameter action in request');
  refuseWhenBlocked(chat);
  call.telegram.emit({
    type: 'typing',
    bot: call.state.bot.username,
    chatId: chat.customer.id,
    action,
  });
  return true;
}
