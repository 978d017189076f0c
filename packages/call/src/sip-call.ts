/**
 * The SIP half of a call, in its own chunk with sip.js: loaded only after the visitor shows
 * intent (hover, focus or press on the call button), never with the launcher. One user agent per
 * call, over the WebSocket the credentials name; the microphone stream the widget already has
 * (asked for inside the click) is what the session sends.
 */
import type { CallCredentials } from '@frontdesk/config';
import { Inviter, type InviterInviteOptions, SessionState, UserAgent, Web } from 'sip.js';
import type { FailReason } from './call-state';
import { sipReason } from './call-state';
import { DTMF_RELAY, dtmfRelayBody } from './dtmf-relay';
import { userAgentOptions } from './sip-agent';

/** What the call tells the widget. */
export interface CallEvents {
  ringing(): void;
  /** The far end sends audio before answering (a phone network's ringback, announcements). */
  earlyMedia(remote: MediaStream): void;
  answered(remote: MediaStream): void;
  failed(reason: FailReason): void;
  /** The operator hung up (or the dialog ended on Kamailio's side). */
  ended(): void;
  connectionLost(): void;
  connectionBack(): void;
}

/** A placed call. */
export interface ActiveCall {
  hangUp(): void;
  setMuted(muted: boolean): void;
  /** Sends one DTMF digit as RFC 4733 and as SIP INFO (`application/dtmf-relay`). */
  sendDigit(digit: string): void;
}

/** Tuning of {@link placeCall} (tests shorten it). */
export interface CallTuning {
  /** Cap of ICE gathering, ms: with no STUN/TURN there is nothing to wait for. */
  iceGatheringTimeout?: number;
  /** How long a dropped WebSocket may take to come back, re-INVITE included, ms. */
  reconnectWithin?: number;
}

/** Places a call to `credentials.target` with `stream` as the microphone; see the module comment. */
export function placeCall(
  credentials: CallCredentials,
  stream: MediaStream,
  events: CallEvents,
  tuning: CallTuning = {},
): ActiveCall {
  const reconnectWithin = tuning.reconnectWithin ?? 10_000;
  let done = false;
  let established = false;
  let lostTimer: ReturnType<typeof setTimeout> | undefined;
  const userAgent = new UserAgent({
    ...userAgentOptions(credentials, tuning.iceGatheringTimeout),
    sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(
      async () => stream,
    ),
  });
  const target = UserAgent.makeURI(credentials.target);
  // Early media: a call to a phone rings in the phone network, which plays its ringback (183).
  const inviter = target ? new Inviter(userAgent, target, { earlyMedia: true }) : undefined;

  const finish = (then: () => void) => {
    if (done) return;
    done = true;
    clearTimeout(lostTimer);
    then();
    void userAgent.stop().catch(() => undefined);
  };
  const fail = (reason: FailReason) => finish(() => events.failed(reason));

  const inviteOptions = (iceRestart: boolean): InviterInviteOptions => ({
    sessionDescriptionHandlerOptions: {
      constraints: { audio: true, video: false },
      ...(iceRestart ? { offerOptions: { iceRestart: true } } : {}),
    },
    requestDelegate: {
      onProgress: (response) => {
        const code = response.message.statusCode ?? 0;
        if (established || code < 180 || code >= 190) return;
        const handler = inviter?.sessionDescriptionHandler as
          | Web.SessionDescriptionHandler
          | undefined;
        if (response.message.body && handler) events.earlyMedia(handler.remoteMediaStream);
        events.ringing();
      },
      onReject: (response) => {
        if (!established) fail(sipReason(response.message.statusCode ?? 0));
        // The re-INVITE after a reconnect refused (403, 481…): the edge no longer knows the
        // call (its Kamailio restarted and ended it), so it is over now, not after the wait.
        else if (lostTimer !== undefined) fail('connection_lost');
      },
      onAccept: () => {
        if (lostTimer !== undefined) {
          clearTimeout(lostTimer);
          lostTimer = undefined;
          events.connectionBack();
        }
      },
    },
  });

  /** The WebSocket dropped in a call: reconnect and re-INVITE with an ICE restart, or end. */
  const reconnect = async () => {
    for (let attempt = 0; !done && lostTimer !== undefined; attempt++) {
      try {
        await userAgent.reconnect();
        if (!inviter || done) return;
        await inviter.invite(inviteOptions(true));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 2000)));
      }
    }
  };
  userAgent.delegate = {
    onDisconnect: (error) => {
      if (done || !error) return;
      if (!established) return fail('network');
      if (lostTimer !== undefined) return;
      events.connectionLost();
      lostTimer = setTimeout(() => {
        // Try to tell the other side; the call ends here either way.
        if (inviter?.state === SessionState.Established) void inviter.bye().catch(() => undefined);
        fail('connection_lost');
      }, reconnectWithin);
      void reconnect();
    },
  };

  inviter?.stateChange.addListener((state) => {
    if (state === SessionState.Established && !established) {
      established = true;
      const handler = inviter.sessionDescriptionHandler as Web.SessionDescriptionHandler;
      events.answered(handler.remoteMediaStream);
    } else if (state === SessionState.Terminated) {
      // Ended while reconnecting (sip.js gives up a re-INVITE it cannot roll back with a BYE):
      // the connection was lost, nobody hung up.
      if (established && lostTimer !== undefined) fail('connection_lost');
      else if (established) finish(() => events.ended());
      // sip.js ends the session before it hands the rejection to onReject: let that tell the
      // reason (busy, declined…) first; without one, nobody answered.
      else queueMicrotask(() => fail('no_answer'));
    }
  });

  userAgent
    .start()
    .then(async () => {
      if (!inviter) fail('unknown');
      else if (!done) await inviter.invite(inviteOptions(false));
    })
    .catch(() => fail('network'));

  return {
    hangUp() {
      if (done) return;
      done = true;
      clearTimeout(lostTimer);
      const state = inviter?.state;
      const ending =
        state === SessionState.Established
          ? inviter?.bye()
          : state === SessionState.Establishing || state === SessionState.Initial
            ? inviter?.cancel()
            : undefined;
      void Promise.resolve(ending)
        .catch(() => undefined)
        .finally(() => void userAgent.stop().catch(() => undefined));
    },
    setMuted(muted) {
      for (const track of stream.getAudioTracks()) track.enabled = !muted;
    },
    sendDigit(digit) {
      if (!inviter || inviter.state !== SessionState.Established) return;
      const handler = inviter.sessionDescriptionHandler as
        | Web.SessionDescriptionHandler
        | undefined;
      handler?.sendDtmf(digit, { duration: 100, interToneGap: 70 });
      void inviter
        .info({
          requestOptions: {
            body: {
              contentDisposition: 'render',
              contentType: DTMF_RELAY,
              content: dtmfRelayBody(digit, 100),
            },
          },
        })
        .catch(() => undefined);
    },
  };
}
