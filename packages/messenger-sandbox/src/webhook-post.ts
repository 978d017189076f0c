/**
 * How the messengers post to a bot's webhook: JSON over https only, the server's certificate
 * checked against the sandbox's CA file (or Node's CAs without one) and the host name, each
 * failure worded as the messenger's own status pages word it. Shared by every messenger's
 * delivery loop (Telegram's updates, Viber's callbacks, Facebook's events).
 */
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:https';

/** Node's certificate failures. */
const CERTIFICATE_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/;

/** A failed connection in words (with Node's code, to debug). */
export function describeFailure(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (CERTIFICATE_ERROR.test(code)) {
    return `SSL error {error:0A000086:SSL routines::certificate verify failed} (${code})`;
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL')) return `SSL error {${error.message}}`;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'Connection reset by peer';
  if (code === 'ETIMEDOUT') return 'Read timeout expired';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return 'Failed to resolve host: Name or service not known';
  }
  return error.message;
}

/**
 * An https agent trusting `caFile` (read now: a fresh agent after a failure reads it again).
 * @returns the failure's words instead when the file cannot be read.
 */
export async function webhookAgent(
  caFile: string | undefined,
  maxSockets = 1,
): Promise<Agent | string> {
  let ca: Buffer | undefined;
  try {
    ca = caFile ? await readFile(caFile) : undefined;
  } catch {
    return `SSL error {can't read the CA file ${caFile}}`;
  }
  return new Agent({ keepAlive: true, maxSockets, ...(ca ? { ca } : {}) });
}

/** What one post came to: the HTTP status and the body, or the failure's words. */
export type PostResult =
  | { status: number; statusMessage: string; body: string }
  | { failure: string };

/** A post's failure as the webhook's last error, or undefined for a 2xx. */
export function postFailure(result: PostResult): string | undefined {
  if ('failure' in result) return result.failure;
  if (result.status >= 200 && result.status < 300) return undefined;
  return `Wrong response from the webhook: ${result.status} ${result.statusMessage}`.trim();
}

/** POSTs the JSON text `body` to `url` with `headers`. Never throws. */
export function postJson(
  url: string,
  body: string,
  options: {
    agent: Agent;
    headers?: Record<string, string>;
    timeoutMs: number;
    signal?: AbortSignal;
  },
): Promise<PostResult> {
  return new Promise((resolve) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        timeout: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => resolve({ failure: 'Webhook connection closed' }));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            statusMessage: response.statusMessage ?? '',
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    outgoing.on('error', (error) => resolve({ failure: describeFailure(error) }));
    outgoing.end(body);
  });
}

/** Whether `url` is an https URL (what every messenger insists on). */
export function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
