/** placeCall against a stand-in of sip.js (mocked at the module boundary, only here). */
// biome-ignore-all lint/suspicious/noExplicitAny: a stand-in of sip.js, whose options are loosely typed
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sip = vi.hoisted(() => {
  const State = {
    Initial: 'Initial',
    Establishing: 'Establishing',
    Established: 'Established',
    Terminating: 'Terminating',
    Terminated: 'Terminated',
  };
  const made: { ua?: FakeUserAgent; inviter?: FakeInviter } = {};
  class FakeUserAgent {
    delegate: { onDisconnect?(error?: Error): void } = {};
    started = false;
    stopped = false;
    reconnects = 0;
    reconnectFails = false;
    constructor(readonly options: Record<string, unknown>) {
      made.ua = this;
    }
    static makeURI(uri: string) {
      return { uri };
    }
    async start() {
      this.started = true;
    }
    async stop() {
      this.stopped = true;
    }
    async reconnect() {
      this.reconnects++;
      if (this.reconnectFails) throw new Error('no transport');
    }
  }
  type Listener = (state: string) => void;
  class FakeInviter {
    state = State.Initial;
    listeners: Listener[] = [];
    invites: Record<string, any>[] = [];
    infos: Record<string, any>[] = [];
    byes = 0;
    cancels = 0;
    sessionDescriptionHandler = {
      remoteMediaStream: { id: 'remote' },
      sendDtmf: vi.fn(() => true),
    };
    stateChange = { addListener: (listener: Listener) => this.listeners.push(listener) };
    constructor(
      readonly ua: FakeUserAgent,
      readonly target: { uri: string },
      readonly options?: Record<string, unknown>,
    ) {
      made.inviter = this;
    }
    to(state: string) {
      this.state = state;
      for (const listener of this.listeners) listener(state);
    }
    async invite(options: Record<string, any>) {
      this.invites.push(options);
      if (this.state === State.Initial) this.state = State.Establishing;
      return {};
    }
    async info(options: Record<string, any>) {
      this.infos.push(options);
    }
    async bye() {
      this.byes++;
    }
    async cancel() {
      this.cancels++;
    }
  }
  return { State, made, FakeUserAgent, FakeInviter };
});

vi.mock('sip.js', () => ({
  UserAgent: sip.FakeUserAgent,
  Inviter: sip.FakeInviter,
  SessionState: sip.State,
  Web: { defaultSessionDescriptionHandlerFactory: (factory: unknown) => ({ factory }) },
}));

const { placeCall } = await import('../src/sip-call');

const credentials = {
  username: '1767225600:v.demo-call.abc',
  password: 'secret',
  expiresAt: 1767225600000,
  wsUrl: 'ws://127.0.0.1:8088/sip/demo-call',
  uri: 'sip:visitor-abc@vpbx1.test',
  target: 'sip:line12345@vpbx1.test',
  displayName: 'Demo call',
  iceServers: [],
};

function events() {
  return {
    ringing: vi.fn(),
    earlyMedia: vi.fn(),
    answered: vi.fn(),
    failed: vi.fn(),
    ended: vi.fn(),
    connectionLost: vi.fn(),
    connectionBack: vi.fn(),
  };
}

const track = { enabled: true, stop: vi.fn() };
const stream = {
  getAudioTracks: () => [track],
  getTracks: () => [track],
} as unknown as MediaStream;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  track.enabled = true;
});
afterEach(() => vi.useRealTimers());

/** An answered call whose WebSocket just dropped; its events and inviter. */
async function droppedInCall() {
  const e = events();
  placeCall(credentials, stream, e);
  await flush();
  const inviter = sip.made.inviter;
  inviter?.to(sip.State.Established);
  sip.made.ua?.delegate.onDisconnect?.(new Error('closed'));
  return { e, inviter };
}

describe('placeCall', () => {
  it('sets up the user agent from the credentials, caps ICE gathering and INVITEs the line', async () => {
    placeCall(credentials, stream, events());
    await flush();
    const ua = sip.made.ua;
    expect(ua?.options).toMatchObject({
      uri: { uri: credentials.uri },
      authorizationUsername: credentials.username,
      authorizationPassword: credentials.password,
      displayName: credentials.displayName,
      transportOptions: { server: credentials.wsUrl },
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: [] },
      },
    });
    expect(sip.made.inviter?.target).toEqual({ uri: credentials.target });
    expect(sip.made.inviter?.invites).toHaveLength(1);
  });

  it('reports ringing on 180, and a rejection’s reason (486 busy, 480 no answer)', async () => {
    for (const [code, reason] of [
      [486, 'busy'],
      [480, 'no_answer'],
      [503, 'unavailable'],
    ] as const) {
      const e = events();
      placeCall(credentials, stream, e);
      await flush();
      const delegate = sip.made.inviter?.invites[0]?.requestDelegate;
      delegate.onProgress({ message: { statusCode: 180 } });
      expect(e.ringing).toHaveBeenCalledOnce();
      // As sip.js does it: the session ends first, then the rejection reaches the delegate.
      sip.made.inviter?.to(sip.State.Terminated);
      delegate.onReject({ message: { statusCode: code } });
      await flush();
      expect(e.failed).toHaveBeenCalledExactlyOnceWith(reason);
      expect(sip.made.ua?.stopped).toBe(true);
    }
  });

  it('asks for early media, and hands the far end’s audio over on a 183 with SDP', async () => {
    const e = events();
    placeCall(credentials, stream, e);
    await flush();
    expect(sip.made.inviter?.options).toEqual({ earlyMedia: true });
    const delegate = sip.made.inviter?.invites[0]?.requestDelegate;
    delegate.onProgress({ message: { statusCode: 180 } });
    expect(e.earlyMedia).not.toHaveBeenCalled();
    delegate.onProgress({ message: { statusCode: 183, body: 'v=0' } });
    expect(e.earlyMedia).toHaveBeenCalledExactlyOnceWith({ id: 'remote' });
  });

  it('a session that ends unanswered without a rejection: nobody answered', async () => {
    const e = events();
    placeCall(credentials, stream, e);
    await flush();
    sip.made.inviter?.to(sip.State.Terminated);
    await flush();
    expect(e.failed).toHaveBeenCalledExactlyOnceWith('no_answer');
  });

  it('hands over the remote stream when answered; mute, DTMF both ways, hang up with BYE', async () => {
    const e = events();
    const call = placeCall(credentials, stream, e);
    await flush();
    const inviter = sip.made.inviter;
    inviter?.to(sip.State.Established);
    expect(e.answered).toHaveBeenCalledWith({ id: 'remote' });
    call.setMuted(true);
    expect(track.enabled).toBe(false);
    call.setMuted(false);
    expect(track.enabled).toBe(true);
    call.sendDigit('5');
    expect(inviter?.sessionDescriptionHandler.sendDtmf).toHaveBeenCalledWith('5', {
      duration: 100,
      interToneGap: 70,
    });
    expect(inviter?.infos[0]?.requestOptions.body).toEqual({
      contentDisposition: 'render',
      contentType: 'application/dtmf-relay',
      content: 'Signal=5\r\nDuration=100',
    });
    call.hangUp();
    await flush();
    expect(inviter?.byes).toBe(1);
    expect(sip.made.ua?.stopped).toBe(true);
  });

  it('cancels a call not answered yet', async () => {
    const call = placeCall(credentials, stream, events());
    await flush();
    call.hangUp();
    await flush();
    expect(sip.made.inviter?.cancels).toBe(1);
  });

  it('the operator hanging up ends the call', async () => {
    const e = events();
    placeCall(credentials, stream, e);
    await flush();
    sip.made.inviter?.to(sip.State.Established);
    sip.made.inviter?.to(sip.State.Terminated);
    expect(e.ended).toHaveBeenCalledOnce();
    expect(e.failed).not.toHaveBeenCalled();
  });

  it('a dropped WebSocket: reconnects and re-INVITEs with an ICE restart', async () => {
    const { e, inviter } = await droppedInCall();
    expect(e.connectionLost).toHaveBeenCalledOnce();
    await flush();
    expect(sip.made.ua?.reconnects).toBe(1);
    const reinvite = inviter?.invites[1];
    expect(reinvite?.sessionDescriptionHandlerOptions.offerOptions).toEqual({ iceRestart: true });
    reinvite?.requestDelegate.onAccept({});
    expect(e.connectionBack).toHaveBeenCalledOnce();
    expect(e.failed).not.toHaveBeenCalled();
  });

  it('ends the call with "connection lost" when it is not back within 10 s', async () => {
    vi.useFakeTimers();
    const e = events();
    placeCall(credentials, stream, e);
    await vi.advanceTimersByTimeAsync(0);
    sip.made.inviter?.to(sip.State.Established);
    if (sip.made.ua) sip.made.ua.reconnectFails = true;
    sip.made.ua?.delegate.onDisconnect?.(new Error('closed'));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(e.failed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(e.failed).toHaveBeenCalledExactlyOnceWith('connection_lost');
    expect(sip.made.ua?.stopped).toBe(true);
  });

  it('the edge no longer knows the call after a reconnect (its re-INVITE refused): "connection lost" at once', async () => {
    const { e, inviter } = await droppedInCall();
    await flush();
    const reinvite = inviter?.invites[1];
    reinvite?.requestDelegate.onReject({ message: { statusCode: 403 } });
    expect(e.failed).toHaveBeenCalledExactlyOnceWith('connection_lost');
    expect(e.connectionBack).not.toHaveBeenCalled();
    expect(sip.made.ua?.stopped).toBe(true);
  });

  it('a session that ends while reconnecting was lost, not hung up', async () => {
    const { e, inviter } = await droppedInCall();
    await flush();
    inviter?.to(sip.State.Terminated);
    expect(e.failed).toHaveBeenCalledExactlyOnceWith('connection_lost');
    expect(e.ended).not.toHaveBeenCalled();
  });

  it('a WebSocket that fails before the answer is a network failure', async () => {
    const e = events();
    placeCall(credentials, stream, e);
    await flush();
    sip.made.ua?.delegate.onDisconnect?.(new Error('refused'));
    expect(e.failed).toHaveBeenCalledExactlyOnceWith('network');
  });
});
