/**
 * Kamailio's RPC (jsonrpcs over HTTP) on the edge's loopback RPC port: the platform's way to keep
 * the htables current. Every request carries the edge secret; Kamailio refuses any other.
 */
import { request } from 'node:http';

/** An RPC call that Kamailio answered with an error, or that never got an answer. */
export class KamailioRpcError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KamailioRpcError';
  }
}

/** Calls RPC commands of one Kamailio. */
export interface KamailioRpc {
  call(method: string, params?: (string | number)[]): Promise<unknown>;
}

let nextId = 1;

/** One HTTP POST on a connection of its own (Kamailio closes each after its reply). */
function post(
  port: number,
  secret: string,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/RPC',
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-frontdesk-edge-secret': secret,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** An RPC client of the Kamailio whose RPC listener is `http://127.0.0.1:<port>/RPC`. */
export function kamailioRpc(port: number, secret: string, timeoutMs = 10_000): KamailioRpc {
  return {
    async call(method, params = []) {
      const body = JSON.stringify({ jsonrpc: '2.0', method, params, id: nextId++ });
      let answer: { status: number; text: string } | undefined;
      let failure: unknown;
      // The commands used are idempotent: a connection that failed is tried once more.
      for (let attempt = 0; attempt < 2 && answer === undefined; attempt++) {
        try {
          answer = await post(port, secret, body, timeoutMs);
        } catch (error) {
          failure = error;
        }
      }
      if (answer === undefined) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        throw new KamailioRpcError(`Kamailio RPC ${method} failed: ${reason}`, { cause: failure });
      }
      const { status, text } = answer;
      if (status !== 200)
        throw new KamailioRpcError(`Kamailio RPC ${method}: HTTP ${status} ${text}`);
      let parsed: { result?: unknown; error?: { code?: number; message?: string } };
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch (error) {
        throw new KamailioRpcError(`Kamailio RPC ${method}: not JSON: ${text.slice(0, 200)}`, {
          cause: error,
        });
      }
      if (parsed.error) {
        throw new KamailioRpcError(
          `Kamailio RPC ${method}: ${parsed.error.code ?? ''} ${parsed.error.message ?? ''}`.trim(),
        );
      }
      return parsed.result;
    },
  };
}
