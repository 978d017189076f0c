/**
 * The automatic callback's controller against the phone network: the edge calls the addressee's
 * phone through the trunk, and once it answers, the visitor's, showing each the right caller id;
 * rtpengine carries the tones both ways; the visitor busy or not answering, the trunk down and the
 * addressee not answering end the attempt with their own results. An operator's console softphone
 * (a WebSocket user agent registered under the operator's own URI) is called without SDP, answers
 * with a browser's offer and gets rtpengine's WebRTC answer in the ACK; addressees ring at once
 * and the first to answer wins.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTone, type PhoneNetwork, startPhoneNetwork } from '@frontdesk/phone-network';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ngCommand } from '../../../src/calls/sip/rtpengine-ng';
import { browserOffer } from './browser-offer';
import {
  carrierTrunk,
  type EdgePlatform,
  operatorAgent,
  operatorCredentials,
  startEdgePlatform,
} from './edge-support';
import { header, type UserAgent } from './sip-client';

const ADDRESSEE = '+74951110001';
const VISITOR = '+79161110002';
const BUSY_VISITOR = '+79161110003';
const SILENT_ADDRESSEE = '+74951110004';
const OUTGOING = '+74957770000';
const TRUNK = { username: 'frontdesk', password: 'trunk-password-of-the-test' };

/** The order a console is called for. */
const ORDER = {
  id: 'order-1',
  phone: '+79161110002',
  name: 'Ivan',
  widget: { id: 'widget-1', name: 'Call me back' },
};

describe('the automatic callback through a SIP trunk', () => {
  let p: EdgePlatform;
  let network: PhoneNetwork;
  let dir: string;
  let trunkId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdesk-callback-call-'));
    network = await startPhoneNetwork({
      dir,
      numbers: [
        { number: ADDRESSEE },
        { number: VISITOR },
        { number: BUSY_VISITOR, answer: 'busy' },
        { number: SILENT_ADDRESSEE, answer: 'manual' },
      ],
      carrier: { trunks: [TRUNK], realm: 'carrier.test' },
      // Longer than any test's call: a call ends because the test ends it.
      toneSeconds: 60,
    });
    p = await startEdgePlatform();
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    const trunk = await carrierTrunk(p, carrier, TRUNK, { callerIdHeader: 'from', maxCalls: 4 });
    trunkId = trunk.id;
    await p.edge.syncTables();
  }, 60_000);
  afterAll(async () => {
    await p?.close();
    await network?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** The operator's softphone, registered under their own URI as the console registers it. */
  async function consoleOnline(): Promise<{ ua: UserAgent; operatorId: string }> {
    const credentials = await operatorCredentials(p.t);
    const ua = await operatorAgent(credentials);
    expect((await ua.register(credentials.uri)).status).toBe(200);
    return { ua, operatorId: p.t.users.operator.id };
  }

  const attempt = (addressee: string, visitor: string, ringMs = 10_000) =>
    p.edge.callback({
      trunkId,
      addressees: [{ kind: 'number', number: addressee }],
      addresseeCallerId: visitor,
      displayName: 'Ivan',
      visitor,
      visitorCallerId: OUTGOING,
      ringMs,
    });

  it('calls the addressee, then the visitor with the outgoing number, and connects them: tones both ways', async () => {
    const addressee = network.phone(ADDRESSEE);
    const visitor = network.phone(VISITOR);
    const outcome = attempt(ADDRESSEE, VISITOR);
    await addressee.waitFor('CALL_ESTABLISHED', 15_000);
    // The addressee sees whom they will talk to: the order's number.
    expect(addressee.calls.at(-1)?.peerUri).toContain(`sip:${VISITOR}@`);
    expect(addressee.calls.at(-1)?.peerName).toBe('Ivan');
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    // The visitor sees the widget's outgoing number.
    expect(visitor.calls.at(-1)?.peerUri).toContain(`sip:${OUTGOING}@`);
    // rtpengine carries the call.
    const list = await ngCommand(p.edge.status().media.ngPort ?? 0, { command: 'list' });
    expect(list.calls).toHaveLength(1);
    // Long enough for both recordings to hold a tone.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await visitor.hangup();
    const result = await outcome;
    expect(result).toMatchObject({
      result: 'answered',
      addressee: { kind: 'number', number: ADDRESSEE },
    });
    if (result.result === 'answered') {
      expect(result.endedAt).toBeGreaterThanOrEqual(result.answeredAt);
    }
    await addressee.waitFor('CALL_CLOSED', 10_000);
    await visitor.waitFor('CALL_CLOSED', 10_000);
    // The media session is gone with the call.
    expect((await ngCommand(p.edge.status().media.ngPort ?? 0, { command: 'list' })).calls).toEqual(
      [],
    );
    const heard = async (phone: typeof visitor, hz: number) => {
      const recording = await phone.lastRecording();
      return recording !== undefined && (await hasTone(recording, hz));
    };
    await expect.poll(() => heard(visitor, addressee.toneHz), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => heard(addressee, visitor.toneHz), { timeout: 10_000 }).toBe(true);
  }, 60_000);

  it('the visitor busy: the attempt ends as visitor_busy and the addressee is hung up', async () => {
    const addressee = network.phone(ADDRESSEE);
    const outcome = attempt(ADDRESSEE, BUSY_VISITOR);
    await addressee.waitFor('CALL_ESTABLISHED', 15_000);
    expect(await outcome).toEqual({ result: 'visitor_busy', sipCode: 486 });
    await addressee.waitFor('CALL_CLOSED', 10_000);
  }, 60_000);

  it('the visitor not answering: their phone stops ringing, the addressee is hung up', async () => {
    const addressee = network.phone(ADDRESSEE);
    const silent = network.phone(SILENT_ADDRESSEE);
    const outcome = attempt(ADDRESSEE, SILENT_ADDRESSEE, 3_000);
    await addressee.waitFor('CALL_ESTABLISHED', 15_000);
    await silent.waitFor('CALL_INCOMING', 15_000);
    expect(await outcome).toEqual({ result: 'visitor_no_answer', sipCode: 487 });
    await silent.waitFor('CALL_CLOSED', 10_000);
    await addressee.waitFor('CALL_CLOSED', 10_000);
  }, 60_000);

  it('the trunk down: the attempt fails with 502 and nobody is dialled', async () => {
    const carrier = network.carrier;
    if (!carrier) throw new Error('no carrier');
    await carrier.setDown(true);
    try {
      expect(await attempt(ADDRESSEE, VISITOR)).toEqual({ result: 'failed', sipCode: 502 });
    } finally {
      await carrier.setDown(false);
    }
  }, 60_000);

  it('the addressee not answering: the attempt ends unanswered and the visitor is never dialled', async () => {
    const invitesBefore = (await network.carrier?.invites())?.length ?? 0;
    const outcome = await attempt(SILENT_ADDRESSEE, VISITOR, 3_000);
    expect(outcome).toMatchObject({ result: 'addressee_unanswered' });
    const invites = (await network.carrier?.invites()) ?? [];
    expect(invites.slice(invitesBefore).map((invite) => invite.number)).toEqual([SILENT_ADDRESSEE]);
  }, 60_000);

  it('an operator’s console: called without SDP and showing the order, it answers with a browser’s offer and gets a WebRTC answer in the ACK; the visitor’s phone rings with the outgoing number', async () => {
    const { ua, operatorId } = await consoleOnline();
    const visitor = network.phone(VISITOR);
    const outcome = p.edge.callback({
      trunkId,
      addressees: [{ kind: 'console', operatorId }],
      addresseeCallerId: VISITOR,
      displayName: `Ivan ${VISITOR}`,
      order: ORDER,
      visitor: VISITOR,
      visitorCallerId: OUTGOING,
      ringMs: 10_000,
    });
    const incoming = await ua.nextInvite(10_000);
    // Third-party call control: no offer in the INVITE.
    expect(incoming.invite.body).toBe('');
    expect(header(incoming.invite, 'from')).toContain(`"Ivan ${VISITOR}"`);
    const card = header(incoming.invite, 'x-frontdesk-callback') ?? '';
    expect(JSON.parse(Buffer.from(card, 'base64').toString('utf8'))).toEqual(ORDER);
    const ack = await incoming.answer(browserOffer());
    // rtpengine's answer for a browser: DTLS-SRTP with ICE, rtcp-mux, Opus stripped for the trunk.
    expect(ack.body).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF/m);
    expect(ack.body).toMatch(/^a=fingerprint:/m);
    expect(ack.body).toMatch(/^a=ice-ufrag:/m);
    expect(ack.body).toMatch(/^a=setup:passive/m);
    expect(ack.body).toMatch(/^a=rtcp-mux/m);
    // Not the browser's own stream back: told to receive its own SSRC, Chromium plays silence.
    expect(ack.body).not.toMatch(/^a=(ssrc|msid|extmap)/m);
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    expect(visitor.calls.at(-1)?.peerUri).toContain(`sip:${OUTGOING}@`);
    // The operator hangs up: the visitor's phone is hung up too.
    expect((await ua.bye(header(incoming.invite, 'call-id') ?? '')).status).toBe(200);
    await visitor.waitFor('CALL_CLOSED', 10_000);
    expect(await outcome).toMatchObject({
      result: 'answered',
      addressee: { kind: 'console', operatorId },
    });
    ua.socket.close();
  }, 60_000);

  it('a console and a phone at once: the console answers first, the phone stops ringing', async () => {
    const { ua, operatorId } = await consoleOnline();
    const silent = network.phone(SILENT_ADDRESSEE);
    const visitor = network.phone(VISITOR);
    const outcome = p.edge.callback({
      trunkId,
      addressees: [
        { kind: 'console', operatorId },
        { kind: 'number', number: SILENT_ADDRESSEE },
      ],
      addresseeCallerId: VISITOR,
      displayName: 'Ivan',
      visitor: VISITOR,
      visitorCallerId: OUTGOING,
      ringMs: 10_000,
    });
    const incoming = await ua.nextInvite(10_000);
    await silent.waitFor('CALL_INCOMING', 15_000);
    await incoming.answer(browserOffer());
    await silent.waitFor('CALL_CLOSED', 10_000);
    await visitor.waitFor('CALL_ESTABLISHED', 15_000);
    await visitor.hangup();
    await ua.answerBye(header(incoming.invite, 'call-id') ?? '', 10_000);
    expect(await outcome).toMatchObject({
      result: 'answered',
      addressee: { kind: 'console', operatorId },
    });
    ua.socket.close();
  }, 60_000);

  it('the operator declines in the console: the attempt ends unanswered (486), the visitor is never dialled', async () => {
    const { ua, operatorId } = await consoleOnline();
    const invitesBefore = (await network.carrier?.invites())?.length ?? 0;
    const outcome = p.edge.callback({
      trunkId,
      addressees: [{ kind: 'console', operatorId }],
      addresseeCallerId: VISITOR,
      displayName: 'Ivan',
      visitor: VISITOR,
      visitorCallerId: OUTGOING,
      ringMs: 10_000,
    });
    (await ua.nextInvite(10_000)).reject(486, 'Busy Here');
    expect(await outcome).toEqual({ result: 'addressee_unanswered', sipCode: 486 });
    expect((await network.carrier?.invites())?.length ?? 0).toBe(invitesBefore);
    ua.socket.close();
  }, 30_000);

  it('no console registered: the attempt ends unanswered (480) and the visitor is never dialled', async () => {
    const invitesBefore = (await network.carrier?.invites())?.length ?? 0;
    const outcome = await p.edge.callback({
      trunkId,
      addressees: [{ kind: 'console', operatorId: p.t.users.admin.id }],
      addresseeCallerId: VISITOR,
      displayName: 'Ivan',
      visitor: VISITOR,
      visitorCallerId: OUTGOING,
      ringMs: 5_000,
    });
    expect(outcome).toEqual({ result: 'addressee_unanswered', sipCode: 480 });
    expect((await network.carrier?.invites())?.length ?? 0).toBe(invitesBefore);
  }, 30_000);
});
