/**
 * Routes whose JSON body's exact text is kept (`rawBodyOf`): a messenger signs the bytes it
 * sent (Viber's X-Viber-Content-Signature, Facebook's X-Hub-Signature-256), and a number such as
 * Viber's 64-bit message_token must be read from the text. In a scope of their own, so no other
 * route pays for it.
 */
import { createHmac } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import type { PlatformApp } from '../../http/route-schema';
import { sameBytes } from '../../http/same-bytes';

type WithRaw = { rawBody?: string };

/** Registers the routes `register` adds on a scope that keeps the raw JSON text. */
export function withRawBody(app: PlatformApp, register: (scope: PlatformApp) => void): void {
  void app.register(async (plugin) => {
    const scope = plugin as unknown as PlatformApp;
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
      (request as WithRaw).rawBody = text as string;
      try {
        done(null, JSON.parse(text as string));
      } catch {
        done(new ApiError(400, 'invalid_json', 'The body is not JSON.'), undefined);
      }
    });
    register(scope);
  });
}

/** The JSON text of a request of a {@link withRawBody} route. */
export function rawBodyOf(request: object): string {
  return (request as WithRaw).rawBody ?? '';
}

/** Whether `signature` (hex) is the HMAC-SHA256 of `raw` keyed with `key` (constant time). */
export function hmacMatches(raw: string, signature: string, key: string): boolean {
  return sameBytes(Buffer.from(signature, 'hex'), createHmac('sha256', key).update(raw).digest());
}
