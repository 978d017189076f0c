/**
 * A bare SIP client over UDP for tests that need requests no phone sends: INVITEs without or
 * with wrong credentials, a P-Asserted-Identity, a REGISTER of a trunk. Digest (RFC 2617, MD5,
 * qop=auth) computed here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/** A response as received. */
export interface SipResponse {
  status: number;
  /** Header values by lower-case name. */
  headers: Map<string, string[]>;
  raw: string;
}

/** A request to send. */
export interface SipRequest {
  method: 'INVITE' | 'REGISTER' | 'ACK' | 'CANCEL';
  uri: string;
  from: string;
  to: string;
  callId: string;
  cseq: number;
  headers?: string[];
  /** Default: an SDP offer of PCMU for INVITE, nothing otherwise. */
  body?: string;
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function sdpOffer(host: string): string {
  return [
    'v=0',
    `o=- 1 1 IN IP4 ${host}`,
    's=-',
    `c=IN IP4 ${host}`,
    't=0 0',
    'm=audio 9 RTP/AVP 0',
    'a=rtpmap:0 PCMU/8000',
    '',
  ].join('\r\n');
}

/** The Authorization / Proxy-Authorization value answering `challenge` (a *-Authenticate value). */
export function digest(
  challenge: string,
  credentials: { username: string; password: string },
  method: string,
  uri: string,
): string {
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? '';
  const realm = field('realm');
  const nonce = field('nonce');
  const cnonce = randomBytes(8).toString('hex');
  const ha1 = md5(`${credentials.username}:${realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${ha2}`);
  return `Digest username="${credentials.username}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", qop=auth, nc=00000001, cnonce="${cnonce}", algorithm=MD5`;
}

/** One UDP socket on `host` sending requests to `target` (`host:port`) and collecting replies. */
export class SipUdpClient {
  private readonly responses: SipResponse[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly socket: Socket,
    readonly host: string,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {
    socket.on('message', (message) => {
      const raw = message.toString('utf8');
      const [statusLine = '', ...lines] = raw.split('\r\n\r\n')[0]?.split('\r\n') ?? [];
      const status = /^SIP\/2\.0 (\d{3})/.exec(statusLine)?.[1];
      if (status === undefined) return;
      const headers = new Map<string, string[]>();
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      this.responses.push({ status: Number(status), headers, raw });
      for (const waiter of this.waiters) waiter();
    });
  }

  static async open(host: string, target: { host: string; port: number }): Promise<SipUdpClient> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, resolve));
    return new SipUdpClient(socket, host, socket.address().port, target);
  }

  send(request: SipRequest): void {
    const body = request.body ?? (request.method === 'INVITE' ? sdpOffer(this.host) : '');
    const text = [
      `${request.method} ${request.uri} SIP/2.0`,
      `Via: SIP/2.0/UDP ${this.host}:${this.port};branch=z9hG4bK${randomBytes(6).toString('hex')};rport`,
      'Max-Forwards: 70',
      `From: ${request.from};tag=${randomBytes(4).toString('hex')}`,
      `To: ${request.to}`,
      `Call-ID: ${request.callId}`,
      `CSeq: ${request.cseq} ${request.method}`,
      `Contact: <sip:test@${this.host}:${this.port}>`,
      ...(request.headers ?? []),
      ...(body ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    this.socket.send(text, this.target.port, this.target.host);
  }

  /** The first final response (≥ 200) to CSeq `cseq` of `callId`. */
  final(callId: string, cseq: number, timeoutMs = 10_000): Promise<SipResponse> {
    const find = () =>
      this.responses.find(
        (response) =>
          response.status >= 200 &&
          response.headers.get('call-id')?.[0] === callId &&
          response.headers.get('cseq')?.[0]?.startsWith(`${cseq} `),
      );
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no final response to ${callId} CSeq ${cseq} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}
