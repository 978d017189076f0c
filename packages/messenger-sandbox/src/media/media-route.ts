import type { FastifyInstance } from 'fastify';
import type { MediaFile, MediaFiles } from './media-files';

/**
 * Serves `files` at `/media/<id>/<name>` on a messenger's listener, as Viber's media host and
 * Facebook's CDN serve a customer's file to whoever has its URL, with the type the customer's
 * app gave it.
 */
export function registerMediaRoute(app: FastifyInstance, files: MediaFiles): void {
  app.get('/media/:id/:name', async (request, reply) => {
    const file = files.get((request.params as { id: string }).id);
    if (!file) return reply.code(404).type('text/plain').send('Not Found');
    return reply.type(file.contentType).send(file.bytes);
  });
}

/** The URL of `file` under a listener's `base`. */
export function mediaUrl(base: string, file: { id: string; fileName?: string }): string {
  return `${base}/media/${file.id}/${encodeURIComponent(file.fileName ?? 'file')}`;
}

/**
 * How a messenger keeps what its customer sends: the file (the customer's `data`, else the
 * sample of its kind) in `files`, with its URL under the listener's `base` and its size.
 */
export function mediaKeeper(files: MediaFiles, base: string) {
  return (
    sample: 'picture' | 'document',
    contentType: string,
    data?: string,
    fileName?: string,
  ): { url: string; size: number } => {
    const file: MediaFile = files.add({ data, sample, contentType, fileName });
    return { url: mediaUrl(base, file), size: file.bytes.length };
  };
}
