/**
 * A Telegram message as the chat keeps it (the attachment model: attachment-types.ts): its text,
 * or a photo (the largest size Telegram offers), a document, a video, an audio file or an
 * animation to fetch by `file_id` (telegram-files.ts), with the caption; a sticker, a location
 * or venue, a contact, a voice or round video message, a poll as a readable placeholder.
 */
import type { Message } from '@grammyjs/types';
import type { InboundAttachment, InboundContent } from '../attachments/attachment-types';
import {
  contactText,
  fileNameOf,
  fileText,
  locationText,
  sizeOf,
  stickerText,
  UNKNOWN_MESSAGE,
  voiceText,
  withCaption,
} from '../attachments/placeholders';
import { storable } from '../storable-text';

/** What `message` means to the chat; see the module comment. */
export function telegramContent(message: Message): InboundContent {
  if (message.text) return { text: storable(message.text), attachments: [] };
  const caption = message.caption;
  const photo = message.photo?.at(-1);
  if (photo) {
    return {
      text: withCaption('[photo]', caption),
      attachments: [file('image', photo.file_id, null, 'image/jpeg', photo.file_size)],
    };
  }
  const files = [
    ['document', 'file', message.document],
    ['video', 'video', message.video],
    ['audio', 'audio', message.audio],
    ['animation', 'animation', message.animation],
  ] as const;
  for (const [, what, media] of files) {
    if (!media) continue;
    const name = fileNameOf(media.file_name);
    return {
      text: withCaption(fileText(what, name), caption),
      attachments: [file('file', media.file_id, name, media.mime_type, media.file_size)],
    };
  }
  return { text: placeholder(message), attachments: [] };
}

/** A message without a file to fetch, in words. */
function placeholder(message: Message): string {
  if (message.sticker) return stickerText(message.sticker.emoji);
  if (message.venue) {
    const { location, title, address } = message.venue;
    return locationText(location.latitude, location.longitude, `${title}, ${address}`);
  }
  if (message.location) return locationText(message.location.latitude, message.location.longitude);
  if (message.contact) {
    const { first_name, last_name, phone_number } = message.contact;
    return contactText([first_name, last_name].filter(Boolean).join(' '), phone_number);
  }
  if (message.voice) return withCaption(voiceText(message.voice.duration), message.caption);
  if (message.video_note) return voiceText(message.video_note.duration, 'video message');
  if (message.poll) return storable(`[poll: ${message.poll.question}]`);
  if (message.dice) return storable(`[dice ${message.dice.emoji} ${message.dice.value}]`);
  return UNKNOWN_MESSAGE;
}

function file(
  kind: InboundAttachment['kind'],
  fileId: string,
  fileName: string | null,
  declaredType: string | undefined,
  declaredSize: number | undefined,
): InboundAttachment {
  return {
    kind,
    source: fileId,
    fileName,
    declaredType: declaredType ?? null,
    declaredSize: sizeOf(declaredSize),
  };
}
