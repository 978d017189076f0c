/**
 * The automatic callback's controller (third-party call control, RFC 3725 §4.1, anchored in
 * rtpengine): it calls the addressees without SDP, all at once — phones through the trunk, and
 * operators' console softphones (sip.js answers an offerless INVITE with an offer in its 200 and
 * takes the answer from the ACK) — and the first to answer is the one who talks. That addressee's
 * offer goes to rtpengine, whose side for the visitor is offered in the INVITE to the visitor. The
 * addressee is ACKed at once with rtpengine's answer made from a stand-in (the visitor has not
 * answered yet), so no 2xx waits unacknowledged for the visitor (RFC 3725's flow I would time out
 * after 32 s); the visitor's real answer then updates rtpengine only. Every leg enters Kamailio by
 * its loop: a number like a forwarded call's trunk leg (the trunk's digest, the caller id and the
 * allow-listed trunk are Kamailio's), a console by the operator's own registration.
 */
import { createSocket, type Socket } from 'node:dgram';
import { type Bencoded, ngCommand } from './rtpengine-ng';
import {
  formatSip,
  header,
  parseSip,
  responseTo,
  type SipMessage,
  tagOf,
  token,
  uriOf,
} from './sip-message';

/** Someone an automatic callback calls first: a phone number, or an operator's console. */
export type CallbackAddressee =
  | { kind: 'number'; number: string }
  | { kind: 'console'; operatorId: string };

/** What a console shows of the order it is called for (the `X-Frontdesk-Callback` header). */
export interface CallbackOrderInfo {
  id: string;
  phone: string;
  name: string | null;
  widget: { id: string; name: string };
}

/** What an automatic callback dials: first the addressees, then the visitor. */
export interface CallbackCall {
  trunkId: string;
  /** Called first, all at once; the first to answer talks to the visitor (numbers in E.164). */
  addressees: CallbackAddressee[];
  /** The caller id the addressee sees: the order's number. */
  addresseeCallerId: string;
  /** The From display name at the addressee: whom they are about to talk to. */
  displayName: string;
  /** The order, for a console to show. */
  order?: CallbackOrderInfo;
  /** The visitor's number, E.164. */
  visitor: string;
  /** The caller id the visitor sees: the configured outgoing number ('' = the trunk's). */
  visitorCallerId: string;
  /** How long each leg may ring. */
  ringMs: number;
}

/** How one attempt ended. */
export type CallbackOutcome =
  | { result: 'answered'; addressee: CallbackAddressee; answeredAt: number; endedAt: number }
  | {
      result: 'addressee_unanswered' | 'visitor_busy' | 'visitor_no_answer' | 'failed';
      sipCode: number | null;
    };

/** Where the controller reaches Kamailio's loop and rtpengine. */
export interface ControllerPorts {
  loopPort: number;
  ngPort: number;
  edgeSecret: string;
  now: () => number;
}

/** One side of the call: a dialog the controller is the caller of. */
interface Leg {
  callId: string;
  fromTag: string;
  from: string;
  to: string;
  uri: string;
  cseq: number;
  /** The INVITE's branch, which its CANCEL and non-2xx ACK share. */
  branch?: string;
  toTag?: string;
  remote?: string;
  routes: string[];
  ack?: string;
  /** Resolves when the far end hangs up or the controller did (set from the start: a BYE may come early). */
  gone: Promise<void>;
  ended: () => void;
}

/** Places one callback attempt; resolves when it is over. */
export async function thirdPartyCall(
  ports: ControllerPorts,
  call: CallbackCall,
): Promise<CallbackOutcome> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const ua = new Controller(socket, ports);
  try {
    return await ua.run(call);
  } finally {
    // Addressees who lost the race may still owe their final answer (to ACK): then it closes.
    void ua.settled().finally(() => ua.close());
  }
}

/** The `X-Frontdesk-Callback` value: base64 of the order's UTF-8 JSON. */
function orderHeader(order: CallbackOrderInfo | undefined): string | undefined {
  return order && Buffer.from(JSON.stringify(order), 'utf8').toString('base64');
}

/** rtpengine's flags for the visitor's side: plain G.711 RTP, as a trunk takes it. */
const TO_TRUNK: Record<string, Bencoded> = {
  ICE: 'remove',
  DTLS: 'off',
  'transport-protocol': 'RTP/AVP',
  'rtcp-mux': ['demux'],
  codec: { strip: ['all'], except: ['PCMA', 'PCMU', 'telephone-event'] },
};

/** …and for a console's side: WebRTC again (ICE, DTLS-SRTP, rtcp-mux), as the edge's loop makes it. */
const TO_BROWSER: Record<string, Bencoded> = {
  ICE: 'force',
  DTLS: 'passive',
  'transport-protocol': 'UDP/TLS/RTP/SAVPF',
  'rtcp-mux': ['require'],
  SDES: ['off'],
  flags: ['generate-mid'],
};

/** Whether `sdp` is a browser's (WebRTC's DTLS-SRTP profile). */
function isWebRtc(sdp: string): boolean {
  return /^m=audio \d+ UDP\/TLS\/RTP\/SAVPF/m.test(sdp);
}

class Controller {
  private readonly legs = new Map<string, Leg>();
  private readonly waiting = new Map<string, (response: SipMessage) => void>();
  private readonly local: string;
  /** Every INVITE's final answer (each settles within its ring time plus {@link GIVE_UP_MS}). */
  private readonly finals: Promise<unknown>[] = [];
  /** Set once the socket is closed: nothing more is sent. */
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly ports: ControllerPorts,
  ) {
    this.local = `127.0.0.1:${socket.address().port}`;
    socket.on('message', (data) => this.received(data.toString('utf8')));
  }

  /** Waits for every INVITE's final answer. */
  async settled(): Promise<void> {
    await Promise.all(this.finals);
  }

  /** Closes the socket: the attempt is over. */
  close(): void {
    this.closed = true;
    this.socket.close();
  }

  async run(call: CallbackCall): Promise<CallbackOutcome> {
    const rtpId = token();
    const first = await this.firstAnswer(call);
    if ('finals' in first) {
      const codes = first.finals.map((response) => response.status ?? 0);
      // Someone did not answer, declined or was busy (or nobody was there): unanswered; else the
      // first failure's code.
      const missed = codes.find((code) => unanswered(code) || busy(code));
      return missed !== undefined
        ? { result: 'addressee_unanswered', sipCode: missed }
        : { result: 'failed', sipCode: codes.find((code) => code > 0) ?? null };
    }
    const { leg: a, response: aAnswer, addressee } = first;
    const browser = isWebRtc(aAnswer.body);
    const ng = (command: string, extra: Record<string, Bencoded>) =>
      ngCommand(this.ports.ngPort, {
        command,
        'call-id': rtpId,
        'from-tag': 'addressee',
        replace: ['origin', 'session-connection'],
        ...extra,
      });
    // The offer's flags shape the visitor's side; the answer's, the addressee's.
    const toAddressee = browser ? TO_BROWSER : { ICE: 'remove' };
    // At once: rtpengine otherwise keeps a deleted call 30 s.
    const release = () =>
      ngCommand(this.ports.ngPort, { command: 'delete', 'call-id': rtpId, 'delete-delay': 0 }).then(
        () => undefined,
        () => undefined,
      );
    let forVisitor: string;
    try {
      forVisitor = String((await ng('offer', { ...TO_TRUNK, sdp: aAnswer.body })).sdp ?? '');
      // rtpengine's side for the addressee, answered now; the visitor's real answer replaces the
      // stand-in inside rtpengine later, so the addressee's SDP never changes. The stand-in keeps
      // none of the addressee's own streams (SSRCs, msids, header extensions, which rtpengine
      // passes through): a browser told it would receive its own SSRC plays silence.
      const standIn = forVisitor
        .replace(/^c=IN IP4 .*$/gm, 'c=IN IP4 127.0.0.1')
        .replace(/^m=audio \d+/m, 'm=audio 9')
        .replace(
          /^a=(rtpengine|ssrc|ssrc-group|msid|msid-semantic|extmap|extmap-allow-mixed)\b.*\r\n/gm,
          '',
        );
      const forAddressee = await ng('answer', {
        ...toAddressee,
        'to-tag': 'visitor',
        sdp: standIn,
      });
      this.ack(a, String(forAddressee.sdp ?? ''));
    } catch {
      // No media relay: the addressee's call cannot carry anything; it ends at once.
      this.ack(a, '');
      this.bye(a);
      await release();
      return { result: 'failed', sipCode: null };
    }
    const addresseeGone = a.gone;

    const b = this.leg(
      { kind: 'number', number: call.visitor },
      call.visitorCallerId,
      call.trunkId,
      '',
    );
    const ringing = this.invite(b, forVisitor, call.ringMs);
    const bAnswer = await Promise.race([ringing, addresseeGone.then(() => undefined)]);
    if (bAnswer?.status !== 200) {
      if (bAnswer === undefined) {
        // The addressee hung up first: the visitor's phone stops ringing (or is hung up).
        this.cancel(b);
        const late = await ringing;
        if (late.status === 200) {
          this.ack(b, '');
          this.bye(b);
        }
      } else this.bye(a);
      await release();
      const status = bAnswer?.status ?? 0;
      return {
        result: busy(status) ? 'visitor_busy' : unanswered(status) ? 'visitor_no_answer' : 'failed',
        sipCode: status || null,
      };
    }
    await ng('answer', { ...toAddressee, 'to-tag': 'visitor', sdp: bAnswer.body });
    this.ack(b, '');
    const answeredAt = this.ports.now();
    const gone = await Promise.race([addresseeGone.then(() => a), b.gone.then(() => b)]);
    this.bye(gone === a ? b : a);
    await release();
    return { result: 'answered', addressee, answeredAt, endedAt: this.ports.now() };
  }

  /**
   * INVITEs every addressee without SDP at once: the first 2xx wins and the others are cancelled
   * (one that answers anyway is hung up); or every final answer, when nobody answered.
   */
  private firstAnswer(
    call: CallbackCall,
  ): Promise<
    { leg: Leg; response: SipMessage; addressee: CallbackAddressee } | { finals: SipMessage[] }
  > {
    const order = orderHeader(call.order);
    const legs = call.addressees.map((addressee) => ({
      addressee,
      leg: this.leg(addressee, call.addresseeCallerId, call.trunkId, call.displayName),
    }));
    return new Promise((resolve) => {
      const finals: SipMessage[] = [];
      let won = false;
      if (legs.length === 0) resolve({ finals });
      for (const { addressee, leg } of legs) {
        const extra: [string, string][] =
          addressee.kind === 'console' && order ? [['X-Frontdesk-Callback', order]] : [];
        void this.invite(leg, '', call.ringMs, extra).then((response) => {
          if (response.status === 200 && won) {
            this.ack(leg, '');
            this.bye(leg);
          } else if (response.status === 200) {
            won = true;
            for (const other of legs) if (other.leg !== leg) this.cancel(other.leg);
            resolve({ leg, response, addressee });
          } else {
            finals.push(response);
            if (!won && finals.length === legs.length) resolve({ finals });
          }
        });
      }
    });
  }

  private leg(to: CallbackAddressee, callerId: string, trunkId: string, display: string): Leg {
    const fromTag = token();
    // A console is found by its operator's own registration; a number through the trunk.
    const user = to.kind === 'console' ? `operator-${to.operatorId}` : to.number;
    const params = to.kind === 'console' ? '' : `;fdt=${trunkId};fdc=${callerId}`;
    let ended = () => {};
    const gone = new Promise<void>((resolve) => {
      ended = resolve;
    });
    const name = display ? `"${display.replace(/["\\\r\n]/g, '')}" ` : '';
    const leg: Leg = {
      callId: `${token()}@frontdesk`,
      fromTag,
      from: `${name}<sip:callback@127.0.0.1>;tag=${fromTag}`,
      to: `<sip:${user}@127.0.0.1>`,
      uri: `sip:${user}@127.0.0.1:${this.ports.loopPort}${params};fdm=controller`,
      cseq: 1,
      routes: [],
      gone,
      ended: () => ended(),
    };
    this.legs.set(leg.callId, leg);
    return leg;
  }

  /** INVITEs `leg`, CANCELs it after `ringMs`; resolves with the final response (ACKed if not 2xx). */
  private invite(
    leg: Leg,
    sdp: string,
    ringMs: number,
    extra: [string, string][] = [],
  ): Promise<SipMessage> {
    const branch = `z9hG4bK${token()}`;
    const text = formatSip(
      `INVITE ${leg.uri} SIP/2.0`,
      [
        ['Via', `SIP/2.0/UDP ${this.local};branch=${branch};rport`],
        ['Max-Forwards', '70'],
        ['From', leg.from],
        ['To', leg.to],
        ['Call-ID', leg.callId],
        ['CSeq', `${leg.cseq} INVITE`],
        ['Contact', `<sip:callback@${this.local}>`],
        ['X-Frontdesk-Loop', this.ports.edgeSecret],
        ...extra,
      ],
      sdp,
    );
    leg.branch = branch;
    const cancel = setTimeout(() => this.cancel(leg), ringMs);
    // No final answer even to the CANCEL (Kamailio gone): the attempt failed, without a code.
    const giveUp = setTimeout(
      () => this.waiting.get(`${leg.callId} INVITE`)?.({ status: 0, headers: new Map(), body: '' }),
      ringMs + GIVE_UP_MS,
    );
    const final = new Promise<SipMessage>((resolve) => {
      this.waiting.set(`${leg.callId} INVITE`, (response) => {
        // Provisional answers wait on; the give-up's status 0 ends the wait like a final one.
        const status = response.status ?? 0;
        if (status > 0 && status < 200) return;
        clearTimeout(cancel);
        clearTimeout(giveUp);
        this.waiting.delete(`${leg.callId} INVITE`);
        leg.toTag = tagOf(header(response, 'to'));
        if (response.status === 200) {
          leg.remote = uriOf(header(response, 'contact'));
          leg.routes = (response.headers.get('record-route') ?? [])
            .flatMap((value) => value.split(/,(?=\s*<)/).map((route) => route.trim()))
            .reverse();
        } else if (status > 0) {
          this.send(
            formatSip(`ACK ${leg.uri} SIP/2.0`, [
              ['Via', `SIP/2.0/UDP ${this.local};branch=${branch};rport`],
              ['Max-Forwards', '70'],
              ['From', leg.from],
              ['To', header(response, 'to')],
              ['Call-ID', leg.callId],
              ['CSeq', `${leg.cseq} ACK`],
            ]),
          );
        }
        resolve(response);
      });
      this.send(text);
    });
    this.finals.push(final);
    return final;
  }

  private cancel(leg: Leg): void {
    const { branch } = leg;
    if (!branch || leg.toTag) return;
    this.send(
      formatSip(`CANCEL ${leg.uri} SIP/2.0`, [
        ['Via', `SIP/2.0/UDP ${this.local};branch=${branch};rport`],
        ['Max-Forwards', '70'],
        ['From', leg.from],
        ['To', leg.to],
        ['Call-ID', leg.callId],
        ['CSeq', `${leg.cseq} CANCEL`],
      ]),
    );
  }

  /** An in-dialog request of `leg` (ACK of its 2xx, BYE), along its route set. */
  private inDialog(leg: Leg, method: string, cseq: number, sdp = ''): string {
    return formatSip(
      `${method} ${leg.remote} SIP/2.0`,
      [
        ['Via', `SIP/2.0/UDP ${this.local};branch=z9hG4bK${token()};rport`],
        ['Max-Forwards', '70'],
        ...leg.routes.map((route) => ['Route', route] as const),
        ['From', leg.from],
        ['To', `${leg.to};tag=${leg.toTag}`],
        ['Call-ID', leg.callId],
        ['CSeq', `${cseq} ${method}`],
      ],
      sdp,
    );
  }

  private ack(leg: Leg, sdp: string): void {
    leg.ack = this.inDialog(leg, 'ACK', leg.cseq, sdp);
    this.send(leg.ack);
  }

  private bye(leg: Leg): void {
    leg.cseq += 1;
    this.send(this.inDialog(leg, 'BYE', leg.cseq));
    leg.ended();
  }

  private received(text: string): void {
    const message = parseSip(text);
    if (!message) return;
    const leg = this.legs.get(header(message, 'call-id'));
    if (message.status !== undefined) {
      const method = header(message, 'cseq').split(/\s+/)[1];
      // A 2xx sent again: our ACK was lost or not yet there.
      if (method === 'INVITE' && message.status === 200 && leg?.ack) this.send(leg.ack);
      else if (leg && method) this.waiting.get(`${leg.callId} ${method}`)?.(message);
      return;
    }
    if (message.method === 'ACK') return;
    this.send(responseTo(message, leg ? 200 : 481, leg ? 'OK' : 'Call Does Not Exist'));
    if (leg && message.method === 'BYE') leg.ended();
  }

  private send(text: string): void {
    if (!this.closed) this.socket.send(text, this.ports.loopPort, '127.0.0.1');
  }
}

/** How long after its CANCEL a leg may still get its final answer (Timer B, 64·T1). */
const GIVE_UP_MS = 32_000;

function busy(status: number): boolean {
  return status === 486 || status === 600 || status === 603;
}

function unanswered(status: number | undefined): boolean {
  return status === 487 || status === 408 || status === 480;
}
