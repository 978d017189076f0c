/**
 * The carrier's RPC: Kamailio's jsonrpcs over HTTP on its loopback address, each request with the
 * carrier's secret header.
 */
import { request } from 'node:http';

/** Calls RPC commands of the carrier. */
export type CarrierRpc = (method: string, params?: (string | number)[]) => Promise<unknown>;

let nextId = 1;

/** A client of `http://<host>:<port>/RPC`. */
export function carrierRpc(
  host: string,
  port: number,
  secret: string,
  timeoutMs = 5_000,
): CarrierRpc {
  return (method, params = []) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ jsonrpc: '2.0', method, params, id: nextId++ });
      const fail = (why: string) => reject(new Error(`carrier RPC ${method}: ${why}`));
      // One connection per request: Kamailio closes each after its reply.
      const req = request(
        {
          host,
          port,
          path: '/RPC',
          method: 'POST',
          agent: false,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-carrier-secret': secret,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => fail(error.message));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: { result?: unknown; error?: { message?: string } } | undefined;
            try {
              parsed = JSON.parse(text) as typeof parsed;
            } catch {
              // Not JSON-RPC: a refusal of xhttp itself.
            }
            // jsonrpcs answers errors with HTTP 500 and a JSON-RPC error.
            if (parsed?.error) fail(parsed.error.message ?? 'error');
            else if (response.statusCode !== 200 || parsed === undefined) {
              fail(`HTTP ${response.statusCode} ${text.slice(0, 200)}`);
            } else resolve(parsed.result);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => fail(error.message));
      req.end(body);
    });
}
