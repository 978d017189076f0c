/**
 * What Fastify's request log says of a request: Fastify's own fields, the URL with its secrets
 * redacted. Secrets are write-only: a hand-off token in a path or a token in a query string would
 * otherwise sit in every log line of the request, readable by whoever reads the logs.
 */
import type { FastifyRequest } from 'fastify';

/** Paths whose last part is a secret: the messenger hand-off token (CHAT.md). */
const SECRET_PATH = /^(\/v1\/chat\/handoff\/)[^?#]+/i;

/** Query parameters whose value is a secret, by name. */
const SECRET_QUERY_NAME = /token|secret|password|passwd|signature|credential/i;

/** What stands for a redacted secret. */
export const REDACTED = '[redacted]';

/** `url` (path and query) with its secret parts replaced by {@link REDACTED}. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (queryAt === -1) return path;
  const query = [...new URLSearchParams(url.slice(queryAt + 1))].map(
    ([name, value]) =>
      `${encodeURIComponent(name)}=${SECRET_QUERY_NAME.test(name) ? REDACTED : encodeURIComponent(value)}`,
  );
  return `${path}?${query.join('&')}`;
}

/** Fastify's request serializer (same fields as its default) over the redacted URL. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
