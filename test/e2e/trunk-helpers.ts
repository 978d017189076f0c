/**
 * The stage of the journeys whose calls leave through a SIP trunk (`trunk-call.e2e.test.ts`, the
 * trunk benchmark): the call stage (platform with its SIP edge and rtpengine, the demo site, the
 * visitor's and the operator's Chromium) plus a phone network (a Kamailio carrier that demands
 * digest auth, baresip phones), and the demo account's trunk to that carrier.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CallSettings } from '../../packages/config/src/index.ts';
import {
  type PhoneNetwork,
  type PhoneSpec,
  startPhoneNetwork,
} from '../../packages/phone-network/src/index.ts';
import type { SipEdgeStatus } from '../../packages/platform/src/calls/sip/edge-types.ts';
import type { Call, Trunk, Widget } from '../../packages/platform/src/index.ts';
import { restartedAfterKill } from '../../packages/platform/test/calls/sip/edge-support.ts';
import { type CallStage, startCallStage } from './call-helpers.ts';

/** The number the demo call widget presents to the telephone network. */
export const WIDGET_NUMBER = '+74957770000';
/** The demo trunk's account at the carrier. */
const TRUNK = { username: 'frontdesk', password: 'e2e-trunk-password' };

/** The call stage with a phone network behind the demo account's trunk. */
export interface TrunkStage extends CallStage {
  network: PhoneNetwork;
  trunk: Trunk;
  /** The demo call widget (`demo-call`), as stored now. */
  widget(): Promise<Widget>;
  /** Changes the demo call widget's settings (forwarding, fallback, ring seconds…). */
  setCallSettings(patch: Partial<CallSettings>): Promise<void>;
  /** The demo account's calls, newest first. */
  calls(): Promise<Call[]>;
}

/**
 * Starts the call stage (`visitorArgs` and `env` as {@link startCallStage} takes them), the phone
 * network with `numbers`, and the demo trunk to its carrier.
 */
export async function startTrunkStage(
  numbers: PhoneSpec[],
  visitorArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<TrunkStage> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-phones-'));
  const network = await startPhoneNetwork({
    dir,
    numbers,
    carrier: { trunks: [TRUNK], realm: 'carrier.test' },
    toneSeconds: 60,
  });
  let callStage: CallStage | undefined;
  try {
    callStage = await startCallStage(visitorArgs, env);
    const { store } = callStage.stage.platform.platform;
    const widget = async () => {
      const found = await store.widgets.byKey('demo-call');
      if (!found) throw new Error('no demo-call widget');
      return found;
    };
    // The demo account's (not the test platform's own account).
    const { accountId } = await widget();
    const carrier = network.carrier;
    if (!carrier) throw new Error('the phone network has no carrier');
    const trunk = await store.trunks.create({
      accountId,
      name: 'The carrier',
      host: carrier.host,
      port: carrier.port,
      transport: 'udp',
      username: TRUNK.username,
      password: TRUNK.password,
      register: false,
      callerId: null,
      // In From, so the phone itself shows who calls.
      callerIdHeader: 'from',
      maxCalls: 4,
      destinations: ['7'],
      now: Date.now(),
    });
    const stage = callStage;
    return {
      ...stage,
      network,
      trunk,
      widget,
      async setCallSettings(patch) {
        const current = await widget();
        await store.widgets.update(current.id, {
          settings: { ...(current.settings as CallSettings), ...patch },
          now: Date.now(),
        });
      },
      async calls() {
        return (await store.calls.list({ accountId, limit: 50 })).items;
      },
      async stop() {
        await stage.stop();
        await network.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await callStage?.stop();
    await network.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * SIGKILLs the SIP edge's Kamailio in the middle of the call `callId` (its SIP Call-ID), once
 * Kamailio has written the call to disk (db_text), so the restarted one knows it and ends it;
 * resolves when the edge runs again (its restart's time depends on the machine's load, unlike the
 * BYE the restarted edge sends), with the edge's status just before the kill.
 */
export async function killEdgeMidCall(s: TrunkStage, callId: string): Promise<SipEdgeStatus> {
  const edge = s.stage.platform.platform.sipEdge;
  if (!edge) throw new Error('no SIP edge');
  await expect
    .poll(() => readFile(join(edge.runtimeDir, 'dialogs', 'dialog'), 'utf8'), { timeout: 5_000 })
    .toContain(callId);
  // The PID the supervisor runs, never a process found by name.
  const before = edge.status();
  if (before.pid === undefined) throw new Error('Kamailio has no pid');
  process.kill(before.pid, 'SIGKILL');
  expect(await restartedAfterKill(edge, before)).toMatchObject({
    state: 'running',
    restarts: before.restarts + 1,
  });
  return before;
}
