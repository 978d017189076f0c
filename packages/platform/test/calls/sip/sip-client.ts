/**
 * A tiny SIP-over-WebSocket user agent for the edge's tests: raw SIP text over `ws`, digest
 * authentication answered from the challenge (RFC 2617 / 3261, MD5, qop=auth), REGISTER, INVITE,
 * ACK, BYE on the calling side and 180/200 with a dummy SDP on the answering side. Test-only: it
 * knows just enough SIP for the edge's behaviour to be observed.
 */
import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { COMPACT_HEADERS } from '../../../src/calls/sip/sip-message';
import { ARRIVAL_MS } from '../../support/arrival';

/** A parsed SIP message. */
export interface SipMessage {
  /** The start line. */
  start: string;
  /** Set for a request. */
  method?: string;
  uri?: string;
  /** Set for a response. */
  status?: number;
  reason?: string;
  /** Lower-case name → values in order (comma-joined values are not split). */
  headers: Map<string, string[]>;
  body: string;
  raw: string;
}

/** Parses one SIP message. */
export function parseSip(raw: string): SipMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const [start = '', ...lines] = head.split('\r\n');
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const short = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT_HEADERS[short] ?? short;
    const list = headers.get(name) ?? [];
    list.push(line.slice(colon + 1).trim());
    headers.set(name, list);
  }
  const message: SipMessage = { start, headers, body, raw };
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start);
  if (response) {
    message.status = Number(response[1]);
    message.reason = response[2] ?? '';
  } else {
    const [method, uri] = start.split(' ');
    message.method = method;
    message.uri = uri;
  }
  return message;
}

/** The first value of a header, or undefined. */
export function header(message: SipMessage, name: string): string | undefined {
  return message.headers.get(name.toLowerCase())?.[0];
}

/** Every value of a header, comma-separated values split (for Via and Record-Route). */
export function headerList(message: SipMessage, name: string): string[] {
  return (message.headers.get(name.toLowerCase()) ?? []).flatMap((value) =>
    value.split(/,(?=\s*<|\s*SIP\/)/).map((part) => part.trim()),
  );
}

function token(bytes = 8): string {
  return randomBytes(bytes).toString('hex');
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** The `tag` parameter of a From or To value. */
function tagOf(value: string | undefined): string | undefined {
  return value ? /;\s*tag=([^;>\s]+)/i.exec(value)?.[1] : undefined;
}

/** The URI inside `<…>` of a name-addr (or the whole value). */
function uriOf(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1] ?? value.split(';')[0]?.trim() ?? value;
}

/** A refused WebSocket handshake, with its HTTP status. */
export class HandshakeError extends Error {
  constructor(readonly statusCode: number) {
    super(`WebSocket handshake refused: HTTP ${statusCode}`);
    this.name = 'HandshakeError';
  }
}

/** One WebSocket carrying SIP, with a queue of what arrived. */
export class SipSocket {
  private readonly inbox: SipMessage[] = [];
  private readonly waiters: {
    match: (m: SipMessage) => boolean;
    resolve: (m: SipMessage) => void;
  }[] = [];
  /** Everything that arrived, for failure messages. */
  readonly received: SipMessage[] = [];
  closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.arrived(parseSip(data.toString())));
    ws.on('close', () => {
      this.closed = true;
    });
  }

  /**
   * Opens `url` with the `sip` subprotocol, from `localAddress` (any of 127.0.0.0/8 on loopback)
   * when given, with extra handshake `headers`. @throws {HandshakeError} when refused.
   */
  static connect(
    url: string,
    options: { origin?: string; localAddress?: string; headers?: Record<string, string> } = {},
  ): Promise<SipSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, 'sip', {
        ...(options.origin ? { origin: options.origin } : {}),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        handshakeTimeout: ARRIVAL_MS,
      });
      ws.once('open', () => resolve(new SipSocket(ws)));
      ws.once('unexpected-response', (_request, response) => {
        reject(new HandshakeError(response.statusCode ?? 0));
        response.resume();
        ws.terminate();
      });
      ws.once('error', (error) => reject(error));
    });
  }

  private arrived(message: SipMessage): void {
    this.received.push(message);
    // Keep-alives of the dialog module: a live user agent answers them.
    if (message.method === 'OPTIONS') {
      this.send(responseTo(message, 200, 'OK'));
      return;
    }
    const index = this.waiters.findIndex((waiter) => waiter.match(message));
    if (index === -1) {
      this.inbox.push(message);
      return;
    }
    const [waiter] = this.waiters.splice(index, 1);
    waiter?.resolve(message);
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** The next message `match` accepts (one that arrived already, or the next to arrive). */
  next(
    match: (m: SipMessage) => boolean,
    timeoutMs = ARRIVAL_MS,
    what = 'a SIP message',
  ): Promise<SipMessage> {
    const index = this.inbox.findIndex(match);
    if (index !== -1) {
      const [found] = this.inbox.splice(index, 1);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (m: SipMessage) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const seen = this.received.map((m) => m.start).join(' | ');
        reject(new Error(`no ${what} within ${timeoutMs} ms (received: ${seen || 'nothing'})`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Closes the socket and waits for it to be closed. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 1_000).unref();
    });
  }
}

/** A response to `request`, echoing what a response must echo. */
export function responseTo(
  request: SipMessage,
  status: number,
  reason: string,
  extra: { toTag?: string; headers?: string[]; body?: string } = {},
): string {
  let to = header(request, 'to') ?? '';
  if (extra.toTag && !tagOf(to)) to += `;tag=${extra.toTag}`;
  const lines = [
    `SIP/2.0 ${status} ${reason}`,
    ...headerList(request, 'via').map((via) => `Via: ${via}`),
    ...headerList(request, 'record-route').map((rr) => `Record-Route: ${rr}`),
    `From: ${header(request, 'from')}`,
    `To: ${to}`,
    `Call-ID: ${header(request, 'call-id')}`,
    `CSeq: ${header(request, 'cseq')}`,
    ...(extra.headers ?? []),
  ];
  return finish(lines, extra.body ?? '');
}

function finish(lines: string[], body: string): string {
  return `${[...lines, `Content-Length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`;
}

/** An SDP offer or answer that says "audio", enough for a proxy that does not read it. */
export function dummySdp(): string {
  const id = Date.now();
  return [
    'v=0',
    `o=- ${id} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0',
    'a=rtpmap:0 PCMU/8000',
    'a=sendrecv',
    '',
  ].join('\r\n');
}

/** The Authorization value answering `challenge` (a WWW- or Proxy-Authenticate value). */
export function digestAnswer(
  challenge: string,
  credentials: { username: string; password: string },
  method: string,
  uri: string,
): string {
  const param = (name: string) =>
    new RegExp(`${name}="?([^",]+)"?`, 'i').exec(challenge)?.[1] ?? undefined;
  const realm = param('realm') ?? '';
  const nonce = param('nonce') ?? '';
  const opaque = param('opaque');
  const qops = (param('qop') ?? '').split(/\s*,\s*/).filter(Boolean);
  const ha1 = md5(`${credentials.username}:${realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const fields = [
    `username="${credentials.username}"`,
    `realm="${realm}"`,
    `nonce="${nonce}"`,
    `uri="${uri}"`,
    'algorithm=MD5',
  ];
  if (qops.includes('auth')) {
    const cnonce = token();
    const nc = '00000001';
    fields.push(
      `response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)}"`,
      'qop=auth',
      `nc=${nc}`,
      `cnonce="${cnonce}"`,
    );
  } else {
    fields.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
  }
  if (opaque !== undefined) fields.push(`opaque="${opaque}"`);
  return `Digest ${fields.join(', ')}`;
}

/** What a user agent knows about itself. */
export interface UserAgentOptions {
  /** The From URI: `sip:someone@domain`. */
  uri: string;
  username: string;
  password: string;
  displayName?: string;
}

/**
 * The credential header lines a request carries, given this agent's digest answer (a whole
 * `Authorization: …` or `Proxy-Authorization: …` line; undefined before the challenge). Tests use
 * it to add forged credentials beside the real one.
 */
export type CredentialLines = (answer: string | undefined) => string[];

const answerOnly: CredentialLines = (answer) => (answer ? [answer] : []);

/** A call placed by {@link UserAgent.invite}: the final response, and the dialog when answered. */
export interface PlacedCall {
  final: SipMessage;
  /** Every provisional response seen. */
  provisional: SipMessage[];
  callId: string;
}

/** An INVITE that reached {@link UserAgent.nextInvite}. */
export interface IncomingCall {
  invite: SipMessage;
  /** Sends 180 Ringing. */
  ring(): void;
  /** Answers 200 with `sdp` (default a dummy one); resolves on the caller's ACK. */
  answer(sdp?: string): Promise<SipMessage>;
  /** Refuses with `status`. */
  reject(status: number, reason: string): void;
  /** Waits for the CANCEL of this call, answers it 200 and the INVITE 487. */
  cancelled(): Promise<SipMessage>;
}

/** A SIP user agent on a {@link SipSocket}. */
export class UserAgent {
  private cseq = 1;
  private readonly contactUser = `ua${token(4)}`;
  readonly contact: string;
  /** Dialogs by Call-ID: what in-dialog requests need. */
  private readonly dialogs = new Map<
    string,
    {
      localTag: string;
      remoteTag: string;
      remoteTarget: string;
      routes: string[];
      from: string;
      to: string;
    }
  >();

  constructor(
    readonly socket: SipSocket,
    readonly options: UserAgentOptions,
  ) {
    this.contact = `<sip:${this.contactUser}@${token(4)}.invalid;transport=ws>`;
  }

  private from(tag: string): string {
    const name = this.options.displayName ? `"${this.options.displayName}" ` : '';
    return `${name}<${this.options.uri}>;tag=${tag}`;
  }

  private via(branch = `z9hG4bK${token()}`): string {
    return `SIP/2.0/WS ${this.contactUser}.invalid;branch=${branch};rport`;
  }

  /** Sends a request and waits for its final response, answering one digest challenge. */
  private async transaction(
    build: (authorization: string | undefined, branch: string) => string,
    method: string,
    uri: string,
    callId: string,
    onProvisional?: (m: SipMessage, sent: { branch: string; cseq: number }) => void,
    timeoutMs = ARRIVAL_MS,
  ): Promise<SipMessage> {
    let authorization: string | undefined;
    for (let attempt = 0; ; attempt++) {
      const branch = `z9hG4bK${token()}`;
      const cseq = this.cseq++;
      this.socket.send(build(authorization, branch).replace('CSeq: 0 ', `CSeq: ${cseq} `));
      const isResponse = (m: SipMessage) =>
        m.status !== undefined &&
        header(m, 'call-id') === callId &&
        header(m, 'cseq') === `${cseq} ${method}`;
      for (;;) {
        const response = await this.socket.next(isResponse, timeoutMs, `reply to ${method}`);
        if ((response.status ?? 0) < 200) {
          onProvisional?.(response, { branch, cseq });
          continue;
        }
        if (method === 'INVITE' && (response.status ?? 0) >= 300) {
          // ACK of a non-2xx final response: same branch, To with its tag.
          this.socket.send(
            finish(
              [
                `ACK ${uri} SIP/2.0`,
                `Via: ${this.via(branch)}`,
                'Max-Forwards: 70',
                `From: ${header(response, 'from')}`,
                `To: ${header(response, 'to')}`,
                `Call-ID: ${callId}`,
                `CSeq: ${cseq} ACK`,
              ],
              '',
            ),
          );
        }
        const challenge =
          response.status === 401
            ? header(response, 'www-authenticate')
            : response.status === 407
              ? header(response, 'proxy-authenticate')
              : undefined;
        if (challenge && attempt === 0) {
          const name = response.status === 401 ? 'Authorization' : 'Proxy-Authorization';
          authorization = `${name}: ${digestAnswer(challenge, this.options, method, uri)}`;
          break;
        }
        return response;
      }
    }
  }

  /** REGISTERs `aor` (the To) with this agent's contact; resolves to the final response. */
  register(
    aor: string,
    options: { expires?: number; credentials?: CredentialLines } = {},
  ): Promise<SipMessage> {
    const { expires = 300, credentials = answerOnly } = options;
    const callId = `${token()}@test`;
    const fromTag = token(4);
    const registrar = `sip:${aor.replace(/^sip:/, '').split('@')[1] ?? ''}`;
    return this.transaction(
      (authorization, branch) =>
        finish(
          [
            `REGISTER ${registrar} SIP/2.0`,
            `Via: ${this.via(branch)}`,
            'Max-Forwards: 70',
            `From: <${aor}>;tag=${fromTag}`,
            `To: <${aor}>`,
            `Call-ID: ${callId}`,
            'CSeq: 0 REGISTER',
            `Contact: ${this.contact};expires=${expires}`,
            `Expires: ${expires}`,
            ...credentials(authorization),
          ],
          '',
        ),
      'REGISTER',
      registrar,
      callId,
    );
  }

  /**
   * INVITEs `target` with a dummy offer; ACKs a 2xx and keeps the dialog for {@link bye}. With
   * `cancelOnRinging`, CANCELs it once it rings (the visitor gives up).
   */
  async invite(
    target: string,
    options: {
      timeoutMs?: number;
      cancelOnRinging?: boolean;
      credentials?: CredentialLines;
      /** The offer (default {@link dummySdp}). */
      sdp?: string;
      /** Hears each provisional response as it arrives (a person hears the ringing). */
      onProvisional?: (response: SipMessage) => void;
    } = {},
  ): Promise<PlacedCall> {
    const credentials = options.credentials ?? answerOnly;
    const callId = `${token()}@test`;
    const fromTag = token(4);
    const body = options.sdp ?? dummySdp();
    const provisional: SipMessage[] = [];
    const final = await this.transaction(
      (authorization, branch) =>
        finish(
          [
            `INVITE ${target} SIP/2.0`,
            `Via: ${this.via(branch)}`,
            'Max-Forwards: 70',
            `From: ${this.from(fromTag)}`,
            `To: <${target}>`,
            `Call-ID: ${callId}`,
            'CSeq: 0 INVITE',
            `Contact: ${this.contact}`,
            'Content-Type: application/sdp',
            // A visitor cannot pass caller info of its own: the edge replaces it.
            'X-Frontdesk-Caller: forged',
            ...credentials(authorization),
          ],
          body,
        ),
      'INVITE',
      target,
      callId,
      (m, sent) => {
        provisional.push(m);
        options.onProvisional?.(m);
        if (
          options.cancelOnRinging &&
          m.status === 180 &&
          provisional.filter((p) => p.status === 180).length === 1
        ) {
          this.socket.send(
            finish(
              [
                `CANCEL ${target} SIP/2.0`,
                `Via: ${this.via(sent.branch)}`,
                'Max-Forwards: 70',
                `From: ${this.from(fromTag)}`,
                `To: <${target}>`,
                `Call-ID: ${callId}`,
                `CSeq: ${sent.cseq} CANCEL`,
              ],
              '',
            ),
          );
        }
      },
      options.timeoutMs ?? ARRIVAL_MS,
    );
    if ((final.status ?? 0) >= 200 && (final.status ?? 0) < 300) {
      const routes = headerList(final, 'record-route').reverse();
      const dialog = {
        localTag: fromTag,
        remoteTag: tagOf(header(final, 'to')) ?? '',
        remoteTarget: uriOf(header(final, 'contact') ?? target),
        routes,
        from: this.from(fromTag),
        to: header(final, 'to') ?? '',
      };
      this.dialogs.set(callId, dialog);
      const cseq = header(final, 'cseq')?.split(' ')[0] ?? '1';
      this.socket.send(
        finish(
          [
            `ACK ${dialog.remoteTarget} SIP/2.0`,
            `Via: ${this.via()}`,
            ...routes.map((route) => `Route: ${route}`),
            'Max-Forwards: 70',
            `From: ${dialog.from}`,
            `To: ${dialog.to}`,
            `Call-ID: ${callId}`,
            `CSeq: ${cseq} ACK`,
          ],
          '',
        ),
      );
    }
    return { final, provisional, callId };
  }

  /** Hangs up a call this agent placed or answered; resolves to the final response to BYE. */
  bye(callId: string): Promise<SipMessage> {
    const dialog = this.dialogs.get(callId);
    if (!dialog) throw new Error(`no dialog ${callId}`);
    return this.transaction(
      (_authorization, branch) =>
        finish(
          [
            `BYE ${dialog.remoteTarget} SIP/2.0`,
            `Via: ${this.via(branch)}`,
            ...dialog.routes.map((route) => `Route: ${route}`),
            'Max-Forwards: 70',
            `From: ${dialog.from}`,
            `To: ${dialog.to}`,
            `Call-ID: ${callId}`,
            'CSeq: 0 BYE',
          ],
          '',
        ),
      'BYE',
      dialog.remoteTarget,
      callId,
    );
  }

  /** Waits for an INVITE to arrive. */
  async nextInvite(timeoutMs = ARRIVAL_MS): Promise<IncomingCall> {
    const invite = await this.socket.next((m) => m.method === 'INVITE', timeoutMs, 'INVITE');
    const localTag = token(4);
    const callId = header(invite, 'call-id') ?? '';
    return {
      invite,
      ring: () => this.socket.send(responseTo(invite, 180, 'Ringing', { toTag: localTag })),
      reject: (status, reason) =>
        this.socket.send(responseTo(invite, status, reason, { toTag: localTag })),
      cancelled: async () => {
        const cancel = await this.socket.next(
          (m) => m.method === 'CANCEL' && header(m, 'call-id') === callId,
          ARRIVAL_MS,
          'CANCEL',
        );
        this.socket.send(responseTo(cancel, 200, 'OK', { toTag: localTag }));
        this.socket.send(responseTo(invite, 487, 'Request Terminated', { toTag: localTag }));
        return cancel;
      },
      answer: async (sdp = dummySdp()) => {
        // The callee's route set is the Record-Route in order; its remote target the caller's Contact.
        this.dialogs.set(callId, {
          localTag,
          remoteTag: tagOf(header(invite, 'from')) ?? '',
          remoteTarget: uriOf(header(invite, 'contact') ?? ''),
          routes: headerList(invite, 'record-route'),
          from: `${header(invite, 'to')};tag=${localTag}`,
          to: header(invite, 'from') ?? '',
        });
        this.socket.send(
          responseTo(invite, 200, 'OK', {
            toTag: localTag,
            headers: [`Contact: ${this.contact}`, 'Content-Type: application/sdp'],
            body: sdp,
          }),
        );
        return this.socket.next(
          (m) => m.method === 'ACK' && header(m, 'call-id') === callId,
          ARRIVAL_MS,
          'ACK',
        );
      },
    };
  }

  /** Waits for a BYE of `callId` and answers 200. */
  async answerBye(callId: string, timeoutMs = ARRIVAL_MS): Promise<SipMessage> {
    const bye = await this.socket.next(
      (m) => m.method === 'BYE' && header(m, 'call-id') === callId,
      timeoutMs,
      'BYE',
    );
    this.socket.send(responseTo(bye, 200, 'OK'));
    return bye;
  }
}
