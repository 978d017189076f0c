/** The widgets' client of the platform's public endpoints. */

/**
 * An error answer of the platform (`{ error: { code, field?, message } }`), or a failure to
 * reach it at all (`status` 0, code `network`).
 */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A client of one platform. */
export interface PlatformClient {
  /**
   * POSTs `body` as JSON to `path` (relative to `/v1/`) with the `Idempotency-Key` header.
   * Network failures and 5xx answers are retried with the same key, so the platform performs
   * the request at most once.
   * @throws {PlatformError} for an error answer, or when the platform stays unreachable.
   */
  post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T>;
}

/** Options of {@link createPlatformClient}. */
export interface PlatformClientOptions {
  /** Pauses before each retry, in ms; its length is the number of retries. */
  retryDelays?: readonly number[];
  fetch?: typeof fetch;
}

const RETRIED = new Set([500, 502, 503, 504]);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client of the platform whose `/v1/` URL is `api`. */
export function createPlatformClient(
  api: string,
  options: PlatformClientOptions = {},
): PlatformClient {
  const { retryDelays = [400, 1500] } = options;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  return {
    async post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const retry = retryDelays[attempt];
        let response: Response;
        try {
          response = await send(`${api}${path}`, {
            method: 'POST',
            credentials: 'omit',
            headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
            body: JSON.stringify(body),
          });
        } catch {
          if (retry !== undefined) {
            await wait(retry);
            continue;
          }
          throw new PlatformError(0, 'network', 'The platform cannot be reached.');
        }
        if (RETRIED.has(response.status) && retry !== undefined) {
          await wait(retry);
          continue;
        }
        const data = (await response.json().catch(() => undefined)) as
          | { error?: { code?: unknown; field?: unknown; message?: unknown } }
          | undefined;
        if (response.ok) return data as T;
        const error = data?.error;
        throw new PlatformError(
          response.status,
          typeof error?.code === 'string' ? error.code : `http_${response.status}`,
          typeof error?.message === 'string'
            ? error.message
            : `The platform answered ${response.status}.`,
          typeof error?.field === 'string' ? error.field : undefined,
        );
      }
    },
  };
}
