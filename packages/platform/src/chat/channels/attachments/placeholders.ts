/**
 * The words an operator reads for what a customer sent that is not text: every channel's
 * mapping writes them alike, so a sticker reads "[sticker 😀]" whichever messenger it came from,
 * a location is a map link, a contact a card. Never empty: nothing a customer sends is dropped.
 */
import { storable } from '../storable-text';

/** A caption after what the message was: "[photo] Is this one in stock?". */
export function withCaption(what: string, caption: string | undefined | null): string {
  return storable(caption?.trim() ? `${what} ${caption}` : what);
}

/** `[sticker 😀]`, or `[sticker]` without its emoji. */
export function stickerText(emoji: string | undefined | null): string {
  return storable(emoji?.trim() ? `[sticker ${emoji.trim()}]` : '[sticker]');
}

/** A coordinate as a map link takes it: at most 6 decimals (about 10 cm). */
function coordinate(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}

/**
 * `[location] <OpenStreetMap link>` (with the place's name and address when given), or
 * `[location]` for coordinates that are not on Earth.
 */
export function locationText(
  latitude: unknown,
  longitude: unknown,
  place?: string | undefined,
): string {
  const named = place?.trim() ? `[location: ${place.trim()}]` : '[location]';
  if (
    typeof latitude !== 'number' ||
    typeof longitude !== 'number' ||
    !(Math.abs(latitude) <= 90) ||
    !(Math.abs(longitude) <= 180)
  ) {
    return storable(named);
  }
  const lat = coordinate(latitude);
  const lon = coordinate(longitude);
  return storable(
    `${named} https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`,
  );
}

/** `[contact: Ivan Petrov, +79161234567]`: the card's name and number, whichever it has. */
export function contactText(
  name: string | undefined | null,
  phone: string | undefined | null,
): string {
  const parts = [name?.trim(), phone?.trim()].filter((part): part is string => !!part);
  return storable(parts.length > 0 ? `[contact: ${parts.join(', ')}]` : '[contact]');
}

/** `[voice message 0:07]`, with its length when known. */
export function voiceText(seconds: number | undefined | null, what = 'voice message'): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return `[${what}]`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `[${what} ${minutes}:${String(whole % 60).padStart(2, '0')}]`;
}

/** `[file report.pdf]`, `[video]`: a fetched file's line, named when it has a name. */
export function fileText(what: string, name: string | undefined | null): string {
  return storable(name?.trim() ? `[${what} ${name.trim()}]` : `[${what}]`);
}

/** What a message the chat cannot read at all says, rather than nothing. */
export const UNKNOWN_MESSAGE = '[a message the chat cannot show]';

/** The longest file name kept: the rest of a longer one is cut. */
const MAX_FILE_NAME = 255;

/** A messenger's file name as kept: text, at most 255 characters, or null. */
export function fileNameOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  return storable(value.trim().slice(0, MAX_FILE_NAME));
}

/** A messenger's declared size as kept: a whole number of bytes, or null. */
export function sizeOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
