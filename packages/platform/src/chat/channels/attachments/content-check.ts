/**
 * What a fetched file really is, from its first bytes (never the messenger's word or the file's
 * name): a photo must prove to be a JPEG, PNG, GIF or WebP picture to be kept and shown inline;
 * any other file is kept as its recognised type (a picture, a PDF) or as opaque bytes
 * (`application/octet-stream`), and only ever offered for download. So nothing the platform
 * serves can be HTML, SVG or script to a browser.
 */
import type { InboundAttachment } from './attachment-types';

/** The pictures the console shows inline. */
export const INLINE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

/** Bytes that are none of the recognised types. */
export const OPAQUE_TYPE = 'application/octet-stream';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The type the first bytes of `bytes` show, if it is one the platform recognises. */
export function sniffType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}

/**
 * The content type `bytes` are kept and served as, for an attachment of `kind`; for a photo
 * that is no picture, the reason it is refused (what the operator reads).
 */
export function checkContent(
  kind: InboundAttachment['kind'],
  bytes: Uint8Array,
): { contentType: string } | { error: string } {
  const sniffed = sniffType(bytes);
  if (kind === 'file') return { contentType: sniffed ?? OPAQUE_TYPE };
  if (sniffed && (INLINE_IMAGE_TYPES as readonly string[]).includes(sniffed)) {
    return { contentType: sniffed };
  }
  return { error: 'The photo is not a picture the console can show (JPEG, PNG, GIF or WebP).' };
}

/** `bytes` in the words of the size cap: "20 MB", "512 KB". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The reason a file past the cap is not kept. */
export function tooLarge(maxBytes: number): string {
  return `The file is larger than the ${sizeWords(maxBytes)} the platform keeps.`;
}
