/**
 * `GET /v1/chat/attachments/:id`: a customer's photo or file, to staff only — a signed-in
 * admin or operator (no session: 401; a marketer: 403) who may see its conversation (else 404,
 * as for one that does not exist; so is one not fetched yet or failed). Served from the database
 * by any platform process, as what its bytes proved to be (content-check.ts), with
 * `X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy, and
 * `Content-Disposition`: inline for a photo, attachment (a download) for any other file, its
 * name encoded as RFC 6266 and 5987 say, so no name can break the header.
 */
import { requireUser } from '../../../accounts';
import type { AppContext } from '../../../context';
import { ApiError } from '../../../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../../../http/route-schema';
import { conversationAccess } from '../../access';

/** Registers the route. */
export function registerAttachmentRoute(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/chat/attachments/:id',
    { schema: { tags: ['ops'], params: routeSchema(IdParams) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin', 'operator']);
      const file = await ctx.store.channels.attachments.info(request.params.id);
      const conversation = file && (await ctx.store.conversations.get(file.conversationId));
      const maySee = await conversationAccess(ctx.store, user);
      if (!file || !conversation || !maySee(conversation)) {
        throw new ApiError(404, 'not_found', `No attachment ${request.params.id}.`, 'id');
      }
      // The bytes only now, for whoever may see them (up to ATTACHMENT_MAX_BYTES a request).
      const data =
        file.status === 'stored' ? await ctx.store.channels.attachments.data(file.id) : undefined;
      if (!data || !file.contentType) {
        throw new ApiError(
          404,
          'not_found',
          file.status === 'failed'
            ? `Attachment ${file.id} could not be fetched: ${file.error ?? 'no reason given'}`
            : `Attachment ${file.id} is not fetched yet.`,
          'id',
        );
      }
      const inline = file.kind === 'image';
      return reply
        .header('content-type', file.contentType)
        .header('content-length', String(data.byteLength))
        .header('content-disposition', contentDisposition(inline, file.name, file.contentType))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cross-origin-resource-policy', 'same-origin')
        .header('cache-control', 'private, max-age=86400, immutable')
        .send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    },
  );
}

/** The extension a file of `contentType` is saved with when it has no name. */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

/**
 * `inline` or `attachment`, with the file's name: an ASCII fallback (anything else as `_`) and
 * the UTF-8 name percent-encoded (RFC 5987), so quotes, line breaks and non-Latin names are safe.
 */
export function contentDisposition(
  inline: boolean,
  name: string | null,
  contentType: string,
): string {
  const given = name?.replace(/[\\/]/g, '_').trim();
  const fallbackName = `attachment.${EXTENSIONS[contentType] ?? 'bin'}`;
  const full = given || fallbackName;
  const ascii = full.replace(/[^\x20-\x7e]|["%;\\]/g, '_');
  const encoded = encodeURIComponent(full).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
