/**
 * A person's message that is not text, as the app's `messages` webhook carries it (the
 * Messenger Platform's `message.attachments`): an `image` or a `file` with its CDN `payload.url`
 * (served by the sandbox: media/media-route.ts), a sticker (an `image` with `sticker_id`), a
 * `location` (`coordinates.lat`/`long`), a voice message (an `audio`). Messenger has no captions
 * and no contact cards: those are refused.
 */
import { ControlError, parseInput } from '../control-error';
import { type CustomerMedia, CustomerMediaInput } from '../media/customer-media';
import { typeOfName } from '../media/media-files';
import { mediaKeeper } from '../media/media-route';
import { personSends } from './facebook-customer';
import type { FacebookChatMessage, FacebookPerson } from './facebook-model';
import type { FacebookState, PageState } from './facebook-state';

/** Messenger's own thumbs-up sticker. */
const LIKE_STICKER = 369239263222822;

/**
 * The person sends `input`.
 * @throws {ControlError} 400 for a caption, a contact, or media out of limits.
 */
export function personSendsMedia(
  facebook: FacebookState,
  state: PageState,
  person: FacebookPerson,
  input: CustomerMedia,
  cdnBase: string,
): FacebookChatMessage {
  const media = parseInput(CustomerMediaInput, input);
  if ('caption' in media && media.caption) {
    throw new ControlError(
      400,
      'invalid',
      'Messenger sends no captions: write the text apart',
      'caption',
    );
  }
  const kept = mediaKeeper(facebook.files, cdnBase);
  const keep = (...file: Parameters<typeof kept>) => kept(...file).url;
  let attachment: Record<string, unknown>;
  let shown: string;
  let sticker: number | undefined;
  switch (media.type) {
    case 'photo':
      attachment = {
        type: 'image',
        payload: { url: keep('picture', 'image/png', media.data, media.fileName ?? 'photo.png') },
      };
      shown = '[photo]';
      break;
    case 'file': {
      const type = media.mimeType ?? typeOfName(media.fileName, 'application/octet-stream');
      attachment = {
        type: 'file',
        payload: { url: keep('document', type, media.data, media.fileName) },
      };
      shown = `[file ${media.fileName}]`;
      break;
    }
    case 'sticker':
      sticker = LIKE_STICKER;
      attachment = {
        type: 'image',
        payload: {
          url: keep('picture', 'image/png', undefined, 'sticker.png'),
          sticker_id: sticker,
        },
      };
      shown = '[sticker]';
      break;
    case 'location':
      attachment = {
        type: 'location',
        payload: { coordinates: { lat: media.latitude, long: media.longitude } },
      };
      shown = '[location]';
      break;
    case 'voice':
      attachment = {
        type: 'audio',
        payload: { url: keep('document', 'audio/mp4', undefined, 'audioclip.mp4') },
      };
      shown = '[voice message]';
      break;
    case 'contact':
      throw new ControlError(400, 'invalid', 'Messenger has no contact cards to send', 'type');
  }
  const url = (attachment.payload as { url?: string }).url;
  return personSends(
    facebook,
    state,
    person,
    shown,
    { attachments: [attachment], ...(sticker !== undefined ? { sticker_id: sticker } : {}) },
    url,
  );
}
