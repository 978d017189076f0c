/**
 * A Messenger message as the chat keeps it (the attachment model: attachment-types.ts): its text,
 * and each of its `attachments` — an `image` (a sticker, when its payload has a `sticker_id`,
 * is a placeholder), a `file` or `video` fetched from the payload's `url` (the file named by the
 * URL's last segment, as Facebook's CDN names it); a `location`, an `audio` (a voice message),
 * a `fallback` link or a template as readable lines. One line per attachment, under the text.
 */
import type { InboundAttachment, InboundContent } from '../attachments/attachment-types';
import { httpUrl } from '../attachments/media-hosts';
import {
  fileNameOf,
  fileText,
  locationText,
  stickerText,
  UNKNOWN_MESSAGE,
  voiceText,
} from '../attachments/placeholders';
import { storable } from '../storable-text';

type Item = Record<string, unknown>;

/** The most attachments of one message read (Messenger sends up to ten photos at once). */
const MAX_ATTACHMENTS = 10;

/** What a `message` means to the chat; see the module comment. */
export function facebookContent(message: Item): InboundContent {
  const lines = typeof message.text === 'string' && message.text ? [message.text] : [];
  const attachments: InboundAttachment[] = [];
  const given = Array.isArray(message.attachments) ? message.attachments : [];
  for (const attachment of given.slice(0, MAX_ATTACHMENTS) as Item[]) {
    const payload = (attachment?.payload ?? {}) as Item;
    const url = httpUrl(payload.url);
    switch (attachment?.type) {
      case 'image':
        if (payload.sticker_id !== undefined) {
          lines.push(stickerText(null));
        } else if (url) {
          lines.push('[photo]');
          attachments.push({ kind: 'image', source: url, ...unnamed });
        }
        break;
      case 'file':
      case 'video': {
        const name = url ? nameOf(url) : null;
        lines.push(fileText(String(attachment.type), name));
        if (url) attachments.push({ kind: 'file', source: url, ...unnamed, fileName: name });
        break;
      }
      case 'audio':
        lines.push(voiceText(null));
        break;
      case 'location': {
        const at = payload.coordinates as Item | undefined;
        lines.push(locationText(at?.lat, at?.long));
        break;
      }
      case 'fallback':
        lines.push(
          [payload.title, url].filter((part) => typeof part === 'string' && part).join(' ') ||
            '[link]',
        );
        break;
      default:
        lines.push(UNKNOWN_MESSAGE);
    }
  }
  // The thumbs-up Messenger's like button sends: a sticker with no attachment read above.
  if (lines.length === 0 && message.sticker_id !== undefined) lines.push(stickerText('👍'));
  return { text: storable(lines.join('\n') || UNKNOWN_MESSAGE), attachments };
}

const unnamed = { fileName: null, declaredType: null, declaredSize: null };

/** The file name in a CDN URL's path (`…/report.pdf?…`), if it has one. */
function nameOf(url: string): string | null {
  try {
    const last = new URL(url).pathname.split('/').at(-1) ?? '';
    return fileNameOf(decodeURIComponent(last));
  } catch {
    return null;
  }
}
