/**
 * Calls from the site that leave through a SIP trunk, against the phone network: a Kamailio
 * "carrier" that challenges every INVITE (digest), and baresip phones. A visitor's INVITE to its
 * widget's line is forwarded by the widget's scheme to an external number; the carrier sees the
 * widget's outgoing number as the caller; media goes through rtpengine (G.711 towards the trunk,
 * WebRTC back); busy and a trunk that is down land in the call history; nothing a browser sends
 * makes the trunk dial anything else.
 */
import { createSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallHistoryEntry } from '@frontdesk/config';
import { type PhoneNetwork, startPhoneNetwork } from '@frontdesk/phone-network';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ngCommand } from '../../../src/calls/sip/rtpengine-ng';
import type { Widget } from '../../../src/widgets/widget-records';
import { ARRIVAL_MS, RESTART_MS } from '../../support/arrival';
import {
  callCredentials,
  callWidget,
  carrierTrunk,
  type EdgePlatform,
  eventually,
  restartedAfterKill,
  startEdgePlatform,
  visitorAgent,
} from './edge-support';

const ANSWERS = '+74951110001';
const BUSY = '+74951110002';
const WIDGET_NUMBER = '+74957770000';
const TRUNK = { username: 'frontdesk', password: 'trunk-password-of-the-test' };

/** An offer as Chromium makes it: ICE, DTLS-SRTP, rtcp-mux, Opus and G.711. */
function rtpOffer(): string {
  return [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=audio 40000 UDP/TLS/RTP/SAVPF 111 8 0 101',
    'c=IN IP4 127.0.0.1',
    'a=rtcp:9 IN IP4 0.0.0.0',
    'a=candidate:1 1 udp 2113937151 127.0.0.1 40000 typ host generation 0',
    'a=ice-ufrag:abcd',
    'a=ice-pwd:abcdefghijklmnopqrstuvwx',
    'a=ice-options:trickle',
    'a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08',
    'a=setup:actpass',
    'a=mid:0',
    'a=sendrecv',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000',
    '',
  ].join('\r\n');
}

describe('calls through a SIP trunk', () => {
  let p: EdgePlatform;
  let network: PhoneNetwork;
  let dir: string;
  let trunkId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdesk-trunks-'));
    network = await startPhoneNetwork({
      dir,
      numbers: [{ number: ANSWERS }, { number: BUSY, answer: 'busy' }],
      carrier: { trunks: [TRUNK], realm: 'carrier.test' },
      // Longer than any test's call: a call ends because the test ends it.
      toneSeconds: 60,
    });
    // The carrier's TLS certificate is signed by the network's own CA, as a provider's by theirs.
    p = await startEdgePlatform({ env: { SIP_TRUNK_CA: network.carrier?.tls.caFile } });
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    const trunk = await carrierTrunk(p, carrier, TRUNK);
    trunkId = trunk.id;
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The account's call history filtered by `query`, as its admin reads it. */
  const history = async (query: string): Promise<CallHistoryEntry[]> => {
    const fetchAs = await p.t.signIn('admin');
    const response = await fetchAs(`/v1/admin/call-history?${query}`);
    return ((await response.json()) as { items: CallHistoryEntry[] }).items;
  };

  /** A call widget forwarding to `number`, presenting the widget's own number. */
  const forwardingTo = (number: string): Promise<Widget> =>
    callWidget(p.t, {
      forwarding: { kind: 'external', number },
      outgoingNumber: WIDGET_NUMBER,
      ringSeconds: 10,
    });

  it('forwards a site call to an external number: digest at the carrier, the widget’s number as caller, media through rtpengine, who answered in the history', async () => {
    const widget = await forwardingTo(ANSWERS);
    const credentials = await callCredentials(p.t, widget);
    const visitor = await visitorAgent(credentials);
    const placed = await visitor.invite(credentials.target, { sdp: rtpOffer(), timeoutMs: 15_000 });
    expect(placed.final.status).toBe(200);
    // The answer came back through rtpengine, made for a browser: ICE, DTLS-SRTP, rtcp-mux.
    const answer = placed.final.body;
    expect(answer).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF /m);
    expect(answer).toMatch(/^a=fingerprint:/m);
    expect(answer).toMatch(/^a=candidate:/m);
    expect(answer).toMatch(/^a=rtcp-mux/m);
    // The carrier authenticated the trunk and saw the widget's number as the caller (PAI).
    const invites = await network.carrier?.invites();
    const invite = invites?.at(-1);
    expect(invite).toMatchObject({ trunk: TRUNK.username, number: ANSWERS });
    expect(invite?.assertedIdentity).toContain(`sip:${WIDGET_NUMBER}@`);
    // The phone got G.711 over plain RTP, from rtpengine.
    const phone = network.phone(ANSWERS);
    await phone.waitFor('CALL_ESTABLISHED');
    const ngPort = p.edge.status().media.ngPort ?? 0;
    const list = await ngCommand(ngPort, { command: 'list' });
    expect(JSON.stringify(list)).toContain(placed.callId);
    // rtpengine bridges the two: WebRTC (DTLS-SRTP, rtcp-mux) on the browser's side, plain RTP
    // with a G.711 codec on the trunk's.
    const query = (await ngCommand(ngPort, { command: 'query', 'call-id': placed.callId })) as {
      tags?: Record<string, { medias?: { protocol?: string; codec?: string; flags?: string[] }[] }>;
    };
    const medias = Object.values(query.tags ?? {}).flatMap((tag) => tag.medias ?? []);
    expect(medias.map((m) => m.protocol).sort()).toEqual(['RTP/AVP', 'UDP/TLS/RTP/SAVPF']);
    expect(medias.find((m) => m.protocol === 'RTP/AVP')?.codec).toMatch(/^PCM[AU]\/8000$/);
    expect(medias.find((m) => m.protocol === 'UDP/TLS/RTP/SAVPF')?.flags).toEqual(
      expect.arrayContaining(['DTLS-SRTP', 'rtcp-mux', 'ICE']),
    );
    await visitor.bye(placed.callId);
    const call = await eventually(
      () => p.t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.status === 'completed',
    );
    expect(call).toMatchObject({
      status: 'completed',
      answeredNumber: ANSWERS,
      trunkId,
      widgetId: widget.id,
    });
    expect(call?.endedAt).toBeGreaterThanOrEqual(call?.answeredAt ?? Number.POSITIVE_INFINITY);
    // The history shows it as a trunk call, with the trunk and the number that answered.
    expect(await history(`channel=trunk&widget=${widget.id}`)).toEqual([
      expect.objectContaining({
        kind: 'trunk',
        id: call?.id,
        result: 'answered',
        failReason: null,
        trunk: { id: trunkId, name: 'The carrier', number: ANSWERS },
      }),
    ]);
    await visitor.socket.close();
  }, 30_000);

  it(
    'the edge killed during a trunk call: Kamailio comes back and ends the call it lost with a BYE to the trunk',
    async () => {
      const widget = await forwardingTo(ANSWERS);
      const credentials = await callCredentials(p.t, widget);
      const visitor = await visitorAgent(credentials);
      const phone = network.phone(ANSWERS);
      const placed = await visitor.invite(credentials.target, {
        sdp: rtpOffer(),
        timeoutMs: 15_000,
      });
      expect(placed.final.status).toBe(200);
      await phone.waitFor('CALL_ESTABLISHED');
      await eventually(
        () => p.t.platform.store.calls.byCallId(placed.callId),
        (c) => c?.status === 'answered',
      );
      // Kamailio wrote the call to disk (db_text).
      const saved = join(p.edge.runtimeDir, 'dialogs', 'dialog');
      await eventually(
        () => readFile(saved, 'utf8'),
        (text) => text.includes(placed.callId),
      );
      const before = p.edge.status();
      process.kill(before.pid ?? 0, 'SIGKILL');
      await restartedAfterKill(p.edge, before);
      // The phone got a BYE: the call is over at the far end, in rtpengine and in the history.
      const closed = await phone.waitFor('CALL_CLOSED', ARRIVAL_MS);
      expect(closed.callId).toBe(placed.callId);
      const call = await eventually(
        () => p.t.platform.store.calls.byCallId(placed.callId),
        (c) => c?.status === 'completed',
      );
      expect(call).toMatchObject({ status: 'completed' });
      expect(call?.endedAt).toBeGreaterThanOrEqual(call?.answeredAt ?? Number.POSITIVE_INFINITY);
      // The edge deletes the media session after the BYE went out, which the history may beat.
      const list = await eventually(
        async () =>
          JSON.stringify(await ngCommand(p.edge.status().media.ngPort ?? 0, { command: 'list' })),
        (listed) => !listed.includes(placed.callId),
      );
      expect(list).not.toContain(placed.callId);
      await visitor.socket.close().catch(() => undefined);
    },
    RESTART_MS + 2 * ARRIVAL_MS + 15_000,
  );

  it('carries no more calls through a trunk than its most: the next number is not dialled', async () => {
    await p.t.platform.store.trunks.update(trunkId, { maxCalls: 1, now: p.t.clock().getTime() });
    const first = await callCredentials(p.t, await forwardingTo(ANSWERS));
    const talking = await visitorAgent(first);
    const placed = await talking.invite(first.target, { sdp: rtpOffer(), timeoutMs: 15_000 });
    expect(placed.final.status).toBe(200);
    const before = (await network.carrier?.invites())?.length ?? 0;
    // The busy number would answer 486: it is never reached, the trunk being full.
    const second = await callCredentials(p.t, await forwardingTo(BUSY));
    const waiting = await visitorAgent(second);
    const refused = await waiting.invite(second.target, { sdp: rtpOffer(), timeoutMs: 15_000 });
    expect(refused.final.status).toBe(480);
    expect((await network.carrier?.invites())?.length ?? 0).toBe(before);
    // The first call over, the trunk takes calls again.
    await talking.bye(placed.callId);
    await eventually(
      () => p.t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.status === 'completed',
    );
    const again = await waiting.invite(second.target, { sdp: rtpOffer(), timeoutMs: 15_000 });
    expect(again.final.status).toBe(486);
    await p.t.platform.store.trunks.update(trunkId, { maxCalls: 2, now: p.t.clock().getTime() });
    await talking.socket.close();
    await waiting.socket.close();
  }, 30_000);

  it('reaches a trunk over TLS, checking its certificate against the CA it was given', async () => {
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    const now = p.t.clock().getTime();
    await p.t.platform.store.trunks.update(trunkId, {
      transport: 'tls',
      port: carrier.tls.port,
      now,
    });
    try {
      const credentials = await callCredentials(p.t, await forwardingTo(ANSWERS));
      const visitor = await visitorAgent(credentials);
      const placed = await visitor.invite(credentials.target, {
        sdp: rtpOffer(),
        timeoutMs: 15_000,
      });
      expect(placed.final.status).toBe(200);
      expect((await network.carrier?.invites())?.at(-1)).toMatchObject({
        trunk: TRUNK.username,
        callId: placed.callId,
      });
      // Over a TLS connection of the edge's, to the carrier's TLS port.
      expect(JSON.stringify(await p.edge.rpc('tls.list'))).toContain(String(carrier.tls.port));
      await visitor.bye(placed.callId);
      await visitor.socket.close();
    } finally {
      await p.t.platform.store.trunks.update(trunkId, {
        transport: 'udp',
        port: carrier.port,
        now,
      });
    }
  }, 30_000);

  it('records a busy number as busy', async () => {
    const widget = await forwardingTo(BUSY);
    const credentials = await callCredentials(p.t, widget);
    const visitor = await visitorAgent(credentials);
    const placed = await visitor.invite(credentials.target, { sdp: rtpOffer(), timeoutMs: 15_000 });
    expect(placed.final.status).toBe(486);
    const call = await eventually(
      () => p.t.platform.store.calls.byCallId(placed.callId),
      (c) => c?.status === 'busy',
    );
    expect(call).toMatchObject({ status: 'busy', sipCode: 486, failReason: null });
    await visitor.socket.close();
  }, 30_000);

  it('the trunk down (its 503) or gone (no answer at all): the visitor gets 502, the history the reason', async () => {
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    // Rings longer than the edge waits for a trunk that does not answer (10 s).
    const widget = await callWidget(p.t, {
      forwarding: { kind: 'external', number: ANSWERS },
      outgoingNumber: WIDGET_NUMBER,
      ringSeconds: 30,
    });
    const ways = [
      { name: 'down', down: () => carrier.setDown(true), up: () => carrier.setDown(false) },
      { name: 'gone', down: () => carrier.stop(), up: () => carrier.start() },
    ];
    for (const way of ways) {
      await way.down();
      try {
        const credentials = await callCredentials(p.t, widget);
        const visitor = await visitorAgent(credentials);
        const placed = await visitor.invite(credentials.target, {
          sdp: rtpOffer(),
          timeoutMs: 20_000,
        });
        // Not the generic 500 a proxy makes of a 503 (RFC 3261, 16.7): the widget can tell.
        expect(placed.final.status, way.name).toBe(502);
        const call = await eventually(
          () => p.t.platform.store.calls.byCallId(placed.callId),
          (c) => c?.status === 'failed',
        );
        expect(call, way.name).toMatchObject({
          status: 'failed',
          sipCode: 502,
          failReason: 'trunk_unavailable',
          answeredNumber: null,
        });
        const entries = await history(`channel=trunk&result=failed&widget=${widget.id}`);
        expect(
          entries.find((e) => e.id === call?.id),
          way.name,
        ).toMatchObject({
          kind: 'trunk',
          failReason: 'trunk_unavailable',
          trunk: null,
        });
        await visitor.socket.close();
      } finally {
        await way.up();
      }
    }
  }, 60_000);

  it('never lets a browser make the trunk dial a number of its choosing', async () => {
    const widget = await forwardingTo(ANSWERS);
    const before = (await network.carrier?.invites())?.length ?? 0;
    const credentials = await callCredentials(p.t, widget);
    const visitor = await visitorAgent(credentials);
    // A number as the target, or the loop's own address: refused like any other line.
    const domain = credentials.target.split('@')[1];
    for (const target of [`sip:${BUSY}@${domain}`, `sip:${BUSY}@127.0.0.1`]) {
      expect((await visitor.invite(target, { sdp: rtpOffer() })).final.status, target).toBe(403);
    }
    await visitor.socket.close();
    // An INVITE sent straight to the edge's UDP sockets without the edge's secret: refused.
    const config = await readFile(join(p.edge.runtimeDir, 'kamailio.cfg'), 'utf8');
    const ports = [...config.matchAll(/^listen=udp:127\.0\.0\.1:(\d+)/gm)].map((m) => Number(m[1]));
    expect(ports).toHaveLength(2);
    for (const port of ports) {
      const reply = await udpRequest(
        port,
        [
          `INVITE sip:${BUSY}@127.0.0.1:${port};fdt=${trunkId};fdc= SIP/2.0`,
          'Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKforged1;rport',
          'Max-Forwards: 70',
          `From: <sip:attacker@127.0.0.1>;tag=f1`,
          `To: <sip:${BUSY}@127.0.0.1>`,
          'Call-ID: forged-call@test',
          'CSeq: 1 INVITE',
          'X-Frontdesk-Loop: not-the-secret',
          'Content-Length: 0',
          '',
          '',
        ].join('\r\n'),
      );
      expect(reply, String(port)).toMatch(/^SIP\/2\.0 403 /);
    }
    // The carrier saw none of it.
    expect((await network.carrier?.invites())?.length ?? 0).toBe(before);
  }, 30_000);
});

/** Sends one SIP request over UDP to 127.0.0.1:`port`; resolves with the first reply's text. */
function udpRequest(port: number, message: string): Promise<string> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no reply from port ${port}`));
    }, 3_000);
    socket.on('message', (reply) => {
      const text = reply.toString();
      if (text.startsWith('SIP/2.0 100')) return;
      clearTimeout(timer);
      socket.close();
      resolve(text);
    });
    socket.send(message, port, '127.0.0.1');
  });
}
