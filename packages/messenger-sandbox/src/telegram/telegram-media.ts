/**
 * A customer's message that is not text, as the bot then sees it (the Bot API's Message fields):
 * `photo` (one PhotoSize: the sandbox keeps the picture as given), `document`, `sticker` (with
 * its emoji), `location`, `contact`, `voice` — a file's bytes kept for getFile and the file
 * download (telegram-files.ts), only for this bot, as Telegram's file_ids are.
 */
import type { Message, Update } from '@grammyjs/types';
import { unixTime } from '../clock';
import { ControlError, parseInput } from '../control-error';
import { type CustomerMedia, CustomerMediaInput } from '../media/customer-media';
import { type MediaFile, typeOfName } from '../media/media-files';
import type { Customer } from './model';
import { type BotState, customerUser, privateChat, type TelegramState } from './telegram-state';

/** What a file_id starts with here, before the file's own id. */
const FILE_ID_PREFIX = 'BQACAgIAAxkBAAI';

/** The sandbox's file behind `fileId` of `state`'s bot, if it is one. */
export function fileOfId(
  telegram: TelegramState,
  state: BotState,
  fileId: string,
): MediaFile | undefined {
  if (!fileId.startsWith(FILE_ID_PREFIX)) return undefined;
  const file = telegram.files.get(fileId.slice(FILE_ID_PREFIX.length));
  return file?.owner === String(state.bot.id) ? file : undefined;
}

/** The file's path in `/file/bot<token>/<path>`: Telegram's folders, the file's own id. */
export function filePath(file: MediaFile): string {
  const folder = file.contentType.startsWith('image/') ? 'photos' : 'documents';
  const extension = file.fileName?.split('.').at(-1) ?? file.contentType.split('/')[1] ?? 'bin';
  return `${folder}/file_${file.id}.${extension.replace(/[^A-Za-z0-9]/g, '')}`;
}

/**
 * `customer` sends `media` to the bot: the message joins the chat and the bot's updates.
 * @throws {ControlError} 400 for media out of Telegram's limits, 409 when the bot is blocked.
 */
export function customerSendsMedia(
  telegram: TelegramState,
  state: BotState,
  customer: Customer,
  input: CustomerMedia,
): Message {
  const media = parseInput(CustomerMediaInput, input);
  const chat = telegram.openChat(state, customer);
  if (chat.blocked) {
    throw new ControlError(
      409,
      'blocked',
      `The customer has blocked @${state.bot.username}: unblock it first.`,
    );
  }
  const keep = (
    sample: 'picture' | 'document',
    contentType: string,
    data?: string,
    fileName?: string,
  ) => {
    const file = telegram.files.add({
      data,
      sample,
      contentType,
      fileName,
      owner: String(state.bot.id),
    });
    return {
      file_id: `${FILE_ID_PREFIX}${file.id}`,
      file_unique_id: `AQAD${file.id.slice(0, 12)}`,
      file_size: file.bytes.length,
    };
  };
  const content: Partial<Message> = (() => {
    switch (media.type) {
      case 'photo':
        return {
          photo: [{ ...keep('picture', 'image/png', media.data), width: 32, height: 24 }],
          ...(media.caption ? { caption: media.caption } : {}),
        };
      case 'file': {
        const mimeType = media.mimeType ?? typeOfName(media.fileName, 'application/octet-stream');
        return {
          document: {
            ...keep('document', mimeType, media.data, media.fileName),
            file_name: media.fileName,
            mime_type: mimeType,
          },
          ...(media.caption ? { caption: media.caption } : {}),
        };
      }
      case 'sticker':
        return {
          sticker: {
            ...keep('picture', 'image/webp'),
            type: 'regular' as const,
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
            ...(media.emoji ? { emoji: media.emoji } : {}),
          },
        };
      case 'location':
        return { location: { latitude: media.latitude, longitude: media.longitude } };
      case 'contact': {
        const [first, ...rest] = media.name.split(' ');
        return {
          contact: {
            phone_number: media.phone,
            first_name: first ?? media.name,
            ...(rest.length > 0 ? { last_name: rest.join(' ') } : {}),
          },
        };
      }
      case 'voice':
        return {
          voice: {
            ...keep('document', 'audio/ogg'),
            duration: media.duration,
            mime_type: 'audio/ogg',
          },
        };
    }
  })();
  const message = {
    message_id: chat.messages.length + 1,
    from: customerUser(chat.customer),
    chat: privateChat(chat.customer),
    date: unixTime(telegram.clock),
    ...content,
  } as Message & Update.NonChannel;
  const entry = { sender: 'customer' as const, message };
  chat.messages.push(entry);
  state.queue.push('message', message);
  telegram.emit({ type: 'message', bot: state.bot.username, chatId: chat.customer.id, entry });
  return message;
}
