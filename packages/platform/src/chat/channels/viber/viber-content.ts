/**
 * A Viber `message` callback's message as the chat keeps it (the attachment model:
 * attachment-types.ts): its text; a `picture` (fetched from its `media` URL, the text its
 * caption), a `file` or `video` (the same, named by `file_name`); a `sticker`, `location` or
 * `contact` as a readable placeholder; a `url` as the link itself.
 */
import type { InboundContent } from '../attachments/attachment-types';
import { httpUrl } from '../attachments/media-hosts';
import {
  contactText,
  fileNameOf,
  fileText,
  locationText,
  sizeOf,
  stickerText,
  UNKNOWN_MESSAGE,
  withCaption,
} from '../attachments/placeholders';
import { storable } from '../storable-text';

type Body = Record<string, unknown>;

/** What a callback's `message` means to the chat; see the module comment. */
export function viberContent(message: Body): InboundContent {
  const text = typeof message.text === 'string' ? message.text : '';
  const source = httpUrl(message.media);
  switch (message.type) {
    case 'picture':
      return {
        text: withCaption('[photo]', text),
        attachments: source
          ? [
              {
                kind: 'image',
                source,
                fileName: fileNameOf(message.file_name),
                declaredType: null,
                declaredSize: sizeOf(message.size),
              },
            ]
          : [],
      };
    case 'file':
    case 'video': {
      const name = fileNameOf(message.file_name);
      return {
        text: fileText(message.type, name),
        attachments: source
          ? [
              {
                kind: 'file',
                source,
                fileName: name,
                declaredType: null,
                declaredSize: sizeOf(message.size),
              },
            ]
          : [],
      };
    }
    case 'sticker':
      // Viber's stickers carry an id and a picture, no emoji.
      return { text: stickerText(null), attachments: [] };
    case 'location': {
      const location = message.location as Body | undefined;
      return { text: locationText(location?.lat, location?.lon), attachments: [] };
    }
    case 'contact': {
      const contact = message.contact as Body | undefined;
      const name = typeof contact?.name === 'string' ? contact.name : null;
      const phone = typeof contact?.phone_number === 'string' ? contact.phone_number : null;
      return { text: contactText(name, phone), attachments: [] };
    }
    case 'url':
      return { text: storable(text || String(message.media ?? '') || '[link]'), attachments: [] };
    default:
      return { text: storable(text || UNKNOWN_MESSAGE), attachments: [] };
  }
}
