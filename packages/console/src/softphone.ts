/**
 * The operator's softphone: one sip.js user agent on the platform's SIP edge with the operator's
 * ephemeral credentials (`POST /v1/ops/sip-credentials`), registered on every line the operator
 * serves and on their own URI ({@link lineRegistration}), and the calls to them
 * ({@link softphoneCalls}): an operator without lines still takes automatic callbacks.
 */
import { userAgentOptions } from '@frontdesk/call/sip-client';
import type { OperatorSipCredentials } from '@frontdesk/config';
import { UserAgent } from 'sip.js';
import { type CallControls, type PhoneCall, softphoneCalls } from './softphone-calls';
import {
  type LineRegistration,
  lineRegistration,
  type PhoneStatus,
} from './softphone-registration';

/** What the softphone tells the screen. */
export interface SoftphoneEvents {
  status(status: PhoneStatus): void;
  calls(calls: PhoneCall[]): void;
}

/** A running softphone. */
export interface Softphone extends CallControls {
  stop(): Promise<void>;
}

/** Starts the softphone; `credentials` fetches the operator's (it is called again to refresh). */
export function startSoftphone(
  credentials: () => Promise<OperatorSipCredentials>,
  events: SoftphoneEvents,
): Softphone {
  let stopped = false;
  let ua: UserAgent | undefined;
  let registration: LineRegistration | undefined;
  const calls = softphoneCalls(events.calls);

  const begin = async () => {
    let c: OperatorSipCredentials;
    try {
      c = await credentials();
    } catch (error) {
      const code = (error as { code?: string }).code;
      events.status({
        state: code === 'calls_unavailable' ? 'unavailable' : 'error',
        lines: [],
        ...(code === 'calls_unavailable' ? {} : { problem: { kind: 'credentials' } }),
      });
      return;
    }
    if (stopped) return;
    const agent = new UserAgent({
      ...userAgentOptions(c),
      delegate: {
        onInvite: calls.onInvite,
        onConnect: () => void registrations.register(c).catch(() => undefined),
        onDisconnect: (error) => {
          if (!error || stopped) return;
          events.status({ state: 'connecting', lines: registrations.lines });
          const retry = () =>
            agent.reconnect().catch(() => {
              if (!stopped) setTimeout(retry, 2000);
            });
          setTimeout(retry, 1000);
        },
      },
    });
    const registrations = lineRegistration(agent, c, credentials, events.status);
    ua = agent;
    registration = registrations;
    try {
      await agent.start();
    } catch {
      events.status({ state: 'error', lines: registrations.lines, problem: { kind: 'transport' } });
      return;
    }
    registrations.schedule(c);
  };

  events.status({ state: 'connecting', lines: [] });
  void begin();

  return {
    answer: calls.answer,
    decline: calls.decline,
    hangUp: calls.hangUp,
    setMuted: calls.setMuted,
    dismiss: calls.dismiss,
    async stop() {
      stopped = true;
      registration?.cancel();
      await calls.byeAll();
      await registration?.unregister();
      await ua?.stop().catch(() => undefined);
    },
  };
}
