/**
 * The files customers send, as a messenger's storage holds them: each under an id of its own,
 * served by that messenger's listener the way the real service serves it (Telegram's
 * `/file/bot<token>/<path>`, Viber's media URL, Facebook's CDN URL), so an outage of the API
 * takes its files down too.
 */
import { randomBytes } from 'node:crypto';
import { ControlError } from '../control-error';
import { MAX_MEDIA_BYTES } from './customer-media';
import { sampleDocument, samplePicture } from './sample-files';

/** A file held. */
export interface MediaFile {
  id: string;
  bytes: Buffer;
  /** What the service says it is when serving it. */
  contentType: string;
  fileName?: string;
  /** Who may fetch it (Telegram: the bot it was sent to), if anyone in particular. */
  owner?: string;
}

/** The files of one messenger. */
export class MediaFiles {
  private readonly files = new Map<string, MediaFile>();

  /**
   * Keeps the customer's `data` (base64), or the sample picture or document when none is given.
   * @throws {ControlError} 400 for more than {@link MAX_MEDIA_BYTES}.
   */
  add(input: {
    data: string | undefined;
    sample: 'picture' | 'document';
    contentType: string;
    fileName?: string | undefined;
    owner?: string;
  }): MediaFile {
    const bytes =
      input.data !== undefined
        ? Buffer.from(input.data, 'base64')
        : input.sample === 'picture'
          ? samplePicture()
          : sampleDocument();
    if (bytes.length > MAX_MEDIA_BYTES) {
      throw new ControlError(
        400,
        'invalid',
        `data must be at most ${MAX_MEDIA_BYTES} bytes`,
        'data',
      );
    }
    const file: MediaFile = {
      id: randomBytes(12).toString('hex'),
      bytes,
      contentType: input.contentType,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.owner ? { owner: input.owner } : {}),
    };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): MediaFile | undefined {
    return this.files.get(id);
  }
}

/** The type a file of `fileName` is served as when the customer named none. */
export function typeOfName(fileName: string | undefined, fallback: string): string {
  const extension = fileName?.split('.').at(-1)?.toLowerCase();
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    txt: 'text/plain',
    html: 'text/html',
  };
  return (extension && known[extension]) || fallback;
}
