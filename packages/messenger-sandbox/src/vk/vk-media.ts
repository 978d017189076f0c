/**
 * A VK user's message that is not only text, as message_new carries it (VK's message object and
 * its attachments as dev.vk.com documents them): a `photo` (its `sizes`, each `{ type, url,
 * width, height }`; the caption is the message's `text`), a `doc` (`title`, `ext`, `size`,
 * `url`, `type`), a `sticker` (`product_id`, `sticker_id`, its `images`), an `audio_message`
 * (`duration`, `waveform`, `link_ogg`, `link_mp3`), and a shared place as the message's `geo`.
 * VK has no contact cards to send: one is refused. The files are served at their URLs by VK's
 * listener (media/media-route.ts), as VK's CDN serves them to whoever has the URL.
 */
import { randomBytes } from 'node:crypto';
import { unixTime } from '../clock';
import { ControlError, parseInput } from '../control-error';
import { type CustomerMedia, CustomerMediaInput } from '../media/customer-media';
import { typeOfName } from '../media/media-files';
import { mediaKeeper } from '../media/media-route';
import { userWrites, type VkMessageExtras } from './vk-customer';
import type { VkChatMessage, VkUser } from './vk-model';
import type { VkCommunityState, VkState } from './vk-state';

/** VK's document types: 1 text, 2 archive, 3 gif, 4 image, 5 audio, 6 video, 7 e-book, 8 other. */
function docType(contentType: string): number {
  if (contentType === 'image/gif') return 3;
  if (contentType.startsWith('image/')) return 4;
  if (contentType.startsWith('audio/')) return 5;
  if (contentType.startsWith('video/')) return 6;
  if (contentType.startsWith('text/') || contentType === 'application/pdf') return 1;
  return 8;
}

/**
 * `user` sends `input` to the community: a message_new.
 * @throws {ControlError} 400 for a contact card or media out of limits.
 */
export function userSendsMedia(
  vk: VkState,
  state: VkCommunityState,
  user: VkUser,
  input: CustomerMedia,
  mediaBase: string,
): VkChatMessage {
  const media = parseInput(CustomerMediaInput, input);
  const date = unixTime(vk.clock);
  // Media ids of VK's: large, each new one above the last.
  const id = 457_239_000 + state.nextMessageId;
  const owned = { id, owner_id: user.id, date, access_key: randomBytes(9).toString('hex') };
  const keep = mediaKeeper(vk.files, mediaBase);
  let extras: VkMessageExtras;
  let text = '';
  switch (media.type) {
    case 'photo': {
      const { url } = keep('picture', 'image/png', media.data, media.fileName ?? 'photo.png');
      text = media.caption ?? '';
      // The sandbox keeps one picture: every size is it (VK would scale it down).
      const sizes = [
        { type: 's', width: 75, height: 56, url },
        { type: 'm', width: 130, height: 98, url },
        { type: 'x', width: 604, height: 453, url },
      ];
      extras = {
        attachments: [{ type: 'photo', photo: { ...owned, album_id: -3, sizes, text: '' } }],
        shown: text ? `[photo] ${text}` : '[photo]',
        media: url,
      };
      break;
    }
    case 'file': {
      const type = media.mimeType ?? typeOfName(media.fileName, 'application/octet-stream');
      const { url, size } = keep('document', type, media.data, media.fileName);
      const dot = media.fileName.lastIndexOf('.');
      const ext = dot > 0 ? media.fileName.slice(dot + 1).toLowerCase() : '';
      text = media.caption ?? '';
      extras = {
        attachments: [
          {
            type: 'doc',
            doc: { ...owned, title: media.fileName, size, ext, url, type: docType(type) },
          },
        ],
        shown: `[file ${media.fileName}]${text ? ` ${text}` : ''}`,
        media: url,
      };
      break;
    }
    case 'sticker': {
      const { url } = keep('picture', 'image/png', undefined, 'sticker.png');
      const images = [64, 128, 256].map((side) => ({ url, width: side, height: side }));
      extras = {
        attachments: [
          {
            type: 'sticker',
            sticker: { product_id: 1, sticker_id: 9, images, images_with_background: images },
          },
        ],
        shown: '[sticker]',
      };
      break;
    }
    case 'location':
      extras = {
        geo: {
          type: 'point',
          coordinates: { latitude: media.latitude, longitude: media.longitude },
        },
        shown: '[location]',
      };
      break;
    case 'voice': {
      const { url } = keep('document', 'audio/ogg', undefined, 'voice.ogg');
      const waveform = Array.from({ length: 32 }, (_, i) => (i * 7) % 31);
      extras = {
        attachments: [
          {
            type: 'audio_message',
            audio_message: {
              ...owned,
              duration: media.duration,
              waveform,
              link_ogg: url,
              link_mp3: url,
            },
          },
        ],
        shown: '[voice message]',
      };
      break;
    }
    case 'contact':
      throw new ControlError(400, 'invalid', 'VK has no contact cards to send', 'type');
  }
  return userWrites(vk, state, user, text, extras);
}
