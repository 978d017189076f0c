/**
 * A VK message as the chat keeps it (the attachment model: attachment-types.ts), as VK's message
 * object and its attachments are documented: a `photo` fetched from the URL of its largest
 * `sizes` entry, a `doc` from its `url` (named by `title`, its `size` declared); a `sticker`,
 * an `audio_message`, a `link`, a video, a poll, a wall post and the message's `geo` as readable
 * placeholders; forwarded messages named. The attachments' lines come first, the message's text
 * after them as their caption ("[photo] Is this one in stock?"), as the other channels write it.
 */
import type { InboundAttachment, InboundContent } from '../attachments/attachment-types';
import { httpUrl } from '../attachments/media-hosts';
import * as placeholders from '../attachments/placeholders';
import { storable } from '../storable-text';

type Item = Record<string, unknown>;

/** The most attachments of one message read (VK carries up to ten). */
const MAX_ATTACHMENTS = 10;

/**
 * Photo size types from the largest down, for sizes that tell no dimensions (VK's photo_sizes:
 * w 2560, z 1080, y 807, x 604, r/q/p/o the cropped ones, m 130, s 75).
 */
const SIZE_ORDER = ['w', 'z', 'y', 'x', 'r', 'q', 'p', 'o', 'm', 's'];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** What `message` (message_new's `object.message`) means to the chat; see the module comment. */
export function vkContent(message: Item): InboundContent {
  const lines: string[] = [];
  const attachments: InboundAttachment[] = [];
  const given = Array.isArray(message.attachments) ? message.attachments : [];
  for (const attachment of given.slice(0, MAX_ATTACHMENTS) as (Item | null)[]) {
    const type = typeof attachment?.type === 'string' ? attachment.type : '';
    const body = (attachment?.[type] ?? {}) as Item;
    const read = readAttachment(type, body);
    lines.push(read.line);
    if (read.attachment) attachments.push(read.attachment);
  }
  const geo = message.geo as Item | undefined;
  if (geo) {
    const at = geo.coordinates as Item | undefined;
    const place = geo.place as Item | undefined;
    lines.push(
      placeholders.locationText(at?.latitude, at?.longitude, text(place?.title) || undefined),
    );
  }
  const forwarded = Array.isArray(message.fwd_messages) ? message.fwd_messages.length : 0;
  if (forwarded > 0) lines.push(forwarded === 1 ? '[forwarded message]' : '[forwarded messages]');
  const caption = typeof message.text === 'string' ? message.text : '';
  if (lines.length === 0) {
    return {
      text: storable(caption.trim() ? caption : placeholders.UNKNOWN_MESSAGE),
      attachments: [],
    };
  }
  return { text: placeholders.withCaption(lines.join(' '), caption), attachments };
}

/** A file to fetch from `url`, when VK gave one. */
function fetched(
  kind: InboundAttachment['kind'],
  url: string | null,
  fileName: string | null,
  declaredSize: number | null,
): InboundAttachment | null {
  return url ? { kind, source: url, fileName, declaredType: null, declaredSize } : null;
}

/** One attachment's line, and the file to fetch when it has one. */
function readAttachment(
  type: string,
  body: Item,
): { line: string; attachment?: InboundAttachment | null } {
  switch (type) {
    case 'photo':
      return { line: '[photo]', attachment: fetched('image', largestSize(body.sizes), null, null) };
    case 'doc': {
      const name = docName(body);
      return {
        line: placeholders.fileText('file', name),
        attachment: fetched('file', httpUrl(body.url), name, placeholders.sizeOf(body.size)),
      };
    }
    case 'sticker':
      // VK's stickers carry their pictures, no emoji.
      return { line: placeholders.stickerText(null) };
    case 'audio_message':
      return {
        line: placeholders.voiceText(typeof body.duration === 'number' ? body.duration : null),
      };
    case 'link': {
      // The URL apart from the brackets, so the console makes it a link.
      const title = text(body.title);
      const url = httpUrl(body.url);
      return {
        line: storable([title ? `[link: ${title}]` : '[link]', url].filter(Boolean).join(' ')),
      };
    }
    case 'video':
      return { line: placeholders.fileText('video', text(body.title)) };
    case 'audio':
      return {
        line: placeholders.fileText(
          'audio',
          [text(body.artist), text(body.title)].filter(Boolean).join(' – '),
        ),
      };
    case 'poll':
      return { line: storable(text(body.question) ? `[poll: ${text(body.question)}]` : '[poll]') };
    case 'wall':
      return { line: '[wall post]' };
    case '':
      return { line: placeholders.UNKNOWN_MESSAGE };
    default:
      // A kind the chat has no words of its own for (a gift, a product, a graffiti…): its name.
      return { line: storable(`[${type.replace(/_/g, ' ').slice(0, 40)}]`) };
  }
}

/** The URL of a photo's largest size: by its dimensions, else by its type's place. */
function largestSize(sizes: unknown): string | null {
  if (!Array.isArray(sizes)) return null;
  let best: { url: string; area: number; rank: number } | undefined;
  for (const size of sizes as (Item | null)[]) {
    const url = httpUrl(size?.url);
    if (!url) continue;
    const width = typeof size?.width === 'number' ? size.width : 0;
    const height = typeof size?.height === 'number' ? size.height : 0;
    const place = SIZE_ORDER.indexOf(String(size?.type));
    const rank = place === -1 ? SIZE_ORDER.length : place;
    const area = width * height;
    if (!best || area > best.area || (area === best.area && rank < best.rank)) {
      best = { url, area, rank };
    }
  }
  return best?.url ?? null;
}

/** A document's file name: its `title`, with its `ext` when the title lacks it. */
function docName(doc: Item): string | null {
  const title = text(doc.title);
  const ext = text(doc.ext);
  if (!title) return ext ? placeholders.fileNameOf(`document.${ext}`) : null;
  return placeholders.fileNameOf(
    ext && !title.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? `${title}.${ext}` : title,
  );
}
