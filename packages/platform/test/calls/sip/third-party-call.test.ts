/**
 * The automatic callback's controller against the phone network: the edge calls the addressee's
 * phone through the trunk, and once it answers, the visitor's, showing each the right caller id;
 * rtpengine carries the tones both ways; the visitor busy or not answering, the trunk down and the
 * addressee not answering end the attempt with their own results.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTone, type PhoneNetwork, startPhoneNetwork } from '@frontdesk/phone-network';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ngCommand } from '../../../src/calls/sip/rtpengine-ng';
import { carrierTrunk, type EdgePlatform, startEdgePlatform } from './edge-support';

const ADDRESSEE = '+74951110001';
const VISITOR = '+79161110002';
const BUSY_VISITOR = '+79161110003';
const SILENT_ADDRESSEE = '+74951110004';
const OUTGOING = '+74957770000';
const TRUNK = { username: 'frontdesk', password: 'trunk-password-of-the-test' };

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

  const attempt = (addressee: string, visitor: string, ringMs = 10_000) =>
    p.edge.callback({
      trunkId,
      addressee,
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
    expect(result.result).toBe('answered');
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
});
