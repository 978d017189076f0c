/**
 * SIP messages as the callback controller (third-party-call.ts) writes and reads them: just
 * enough of RFC 3261's text format for a user agent that talks to our own Kamailio over loopback
 * UDP (no folding, compact header names read as their long forms).
 */
import { randomBytes } from 'node:crypto';

/** A request or a response, headers by lower-case long name, in order. */
export interface SipMessage {
  /** The request's method, or undefined for a response. */
  method?: string;
  /** The request's URI. */
  uri?: string;
  /** The response's status. */
  status?: number;
  headers: Map<string, string[]>;
  body: string;
}

/** Compact header names (RFC 3261 §7.3.3) → their long forms, lower-case. */
export const COMPACT_HEADERS: Readonly<Record<string, string>> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  k: 'supported',
};

/** Parses one datagram; undefined when it is not SIP. */
export function parseSip(data: string): SipMessage | undefined {
  const split = data.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  const [start = '', ...lines] = data.slice(0, split).split('\r\n');
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT_HEADERS[raw] ?? raw;
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const body = data.slice(split + 4);
  const response = /^SIP\/2\.0 (\d{3})/.exec(start);
  if (response) return { status: Number(response[1]), headers, body };
  const request = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(start);
  if (!request) return undefined;
  return { method: request[1], uri: request[2], headers, body };
}

/** The first value of header `name` (lower-case long name), or ''. */
export function header(message: SipMessage, name: string): string {
  return message.headers.get(name)?.[0] ?? '';
}

/** The `tag` parameter of a From or To value. */
export function tagOf(value: string): string | undefined {
  return /;\s*tag=([^;>\s]+)/i.exec(value)?.[1];
}

/** The URI inside a name-addr (`"x" <sip:…>;p`), or the value itself. */
export function uriOf(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1] ?? value.split(';')[0] ?? value;
}

/** A random token for tags, branches and Call-IDs. */
export function token(): string {
  return randomBytes(9).toString('base64url');
}

/** The text of a request or response: its start line, headers in order, and the body. */
export function formatSip(
  start: string,
  headers: readonly (readonly [string, string])[],
  body = '',
): string {
  const lines = [start, ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (body) lines.push('Content-Type: application/sdp');
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** A response to `request`: its Vias, From, To (with `toTag` when it has none), Call-ID, CSeq. */
export function responseTo(request: SipMessage, status: number, reason: string): string {
  const to = header(request, 'to');
  return formatSip(`SIP/2.0 ${status} ${reason}`, [
    ...(request.headers.get('via') ?? []).map((via) => ['Via', via] as const),
    ['From', header(request, 'from')],
    ['To', tagOf(to) ? to : `${to};tag=${token()}`],
    ['Call-ID', header(request, 'call-id')],
    ['CSeq', header(request, 'cseq')],
  ]);
}
