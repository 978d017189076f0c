/**
 * A Viber user's message that is not text, as the bot's `message` callback carries it (the REST
 * bot API's message types): `picture` (its `media` URL, `thumbnail`, `size`, the caption as
 * `text`), `file` (`media`, `file_name`, `size`), `sticker` (`sticker_id`, its picture as
 * `media`), `location` (`lat`, `lon`), `contact` (`name`, `phone_number`). Bots get no voice
 * messages from Viber: one is refused. The files are served at their media URL
 * (media/media-route.ts).
 */
import { ControlError, parseInput } from '../control-error';
import { type CustomerMedia, CustomerMediaInput } from '../media/customer-media';
import { typeOfName } from '../media/media-files';
import { mediaKeeper } from '../media/media-route';
import { userOf } from './viber-customer';
import type { ViberChatMessage, ViberUser } from './viber-model';
import type { ViberBotState, ViberState } from './viber-state';

/** The sticker every sticker of the sandbox is (one of Viber's free packs). */
const STICKER_ID = 40133;

/**
 * `user` sends `input`: a `message` callback; the user is subscribed from now on.
 * @throws {ControlError} 400 for a voice message or media out of limits.
 */
export function userSendsMedia(
  viber: ViberState,
  state: ViberBotState,
  user: ViberUser,
  input: CustomerMedia,
  mediaBase: string,
): ViberChatMessage {
  const media = parseInput(CustomerMediaInput, input);
  const keep = mediaKeeper(viber.files, mediaBase);
  let message: Record<string, unknown>;
  let shown: string;
  switch (media.type) {
    case 'photo': {
      const { url, size } = keep('picture', 'image/png', media.data, media.fileName ?? 'photo.png');
      message = {
        type: 'picture',
        text: media.caption ?? '',
        media: url,
        thumbnail: url,
        size,
        file_name: media.fileName ?? 'photo.png',
      };
      shown = media.caption ? `[photo] ${media.caption}` : '[photo]';
      break;
    }
    case 'file': {
      const type = media.mimeType ?? typeOfName(media.fileName, 'application/octet-stream');
      const { url, size } = keep('document', type, media.data, media.fileName);
      message = { type: 'file', media: url, size, file_name: media.fileName };
      shown = `[file ${media.fileName}]`;
      break;
    }
    case 'sticker': {
      const { url } = keep('picture', 'image/png', undefined, 'sticker.png');
      message = { type: 'sticker', sticker_id: STICKER_ID, media: url };
      shown = '[sticker]';
      break;
    }
    case 'location':
      message = { type: 'location', location: { lat: media.latitude, lon: media.longitude } };
      shown = '[location]';
      break;
    case 'contact':
      message = { type: 'contact', contact: { name: media.name, phone_number: media.phone } };
      shown = `[contact: ${media.name}]`;
      break;
    case 'voice':
      throw new ControlError(400, 'invalid', 'Viber sends bots no voice messages', 'type');
  }
  const chat = viber.openChat(state, user);
  chat.subscribed = true;
  const entry: ViberChatMessage = {
    sender: 'customer',
    token: viber.newToken(),
    text: shown,
    timestamp: viber.clock().getTime(),
    ...(typeof message.media === 'string' ? { media: message.media } : {}),
  };
  chat.messages.push(entry);
  viber.emit({ type: 'message', bot: state.bot.uri, userId: chat.user.id, entry });
  viber.queue(state, 'message', {
    message_token: entry.token,
    sender: userOf(user),
    message,
    silent: false,
  });
  return entry;
}
