// biome-ignore-all lint/suspicious/noExplicitAny: a stand-in of sip.js, whose options are loosely typed
/** startSoftphone against a stand-in of sip.js (mocked at the module boundary, only here). */
import { afterEach, describe, expect, it, vi } from 'vitest';

const sip = vi.hoisted(() => {
  const made: { ua?: any; registerers: any[] } = { registerers: [] };
  class UserAgent {
    configuration: Record<string, unknown>;
    delegate: any;
    constructor(options: any) {
      this.configuration = { ...options };
      this.delegate = options.delegate;
      made.ua = this;
    }
    static makeURI(uri: string) {
      return { uri };
    }
    async start() {
      this.delegate?.onConnect?.();
    }
    async stop() {}
    async reconnect() {}
  }
  class Registerer {
    state = 'Initial';
    listeners: ((s: string) => void)[] = [];
    stateChange = { addListener: (l: (s: string) => void) => this.listeners.push(l) };
    registered = 0;
    constructor(
      readonly ua: unknown,
      readonly options: any,
    ) {
      made.registerers.push(this);
    }
    async register() {
      this.registered++;
      this.state = 'Registered';
      for (const l of this.listeners) l('Registered');
    }
    async unregister() {}
    async dispose() {}
  }
  return {
    made,
    UserAgent,
    Registerer,
    RegistererState: { Registered: 'Registered' },
    SessionState: { Established: 'Established', Terminated: 'Terminated' },
  };
});
vi.mock('sip.js', () => ({
  UserAgent: sip.UserAgent,
  Registerer: sip.Registerer,
  RegistererState: sip.RegistererState,
  SessionState: sip.SessionState,
}));

const { startSoftphone } = await import('../src/softphone');

const line = (n: number) => ({
  target: `sip:line1234${n}@vpbx1.sip.test`,
  line: `line1234${n}@vpbx1.sip.test`,
  widgetId: `w${n}`,
  widgetKey: `k${n}`,
  widgetName: `Widget ${n}`,
});
const credentials = (username: string, expiresAt: number) => ({
  username,
  password: `${username}-pw`,
  expiresAt,
  wsUrl: 'ws://127.0.0.1:8088/sip/ops',
  uri: 'sip:operator-1@vpbx1.sip.test',
  displayName: 'Oleg',
  iceServers: [],
  lines: [line(1), line(2)],
});

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

afterEach(() => {
  vi.useRealTimers();
  sip.made.registerers.length = 0;
});

function invitation(headers: Record<string, string>) {
  const listeners: ((s: string) => void)[] = [];
  return {
    id: 'call-1',
    state: 'Initial',
    request: { getHeader: (name: string) => headers[name] },
    delegate: undefined as any,
    stateChange: { addListener: (l: (s: string) => void) => listeners.push(l) },
    to(state: string) {
      this.state = state;
      for (const l of listeners) l(state);
    },
    sessionDescriptionHandler: { remoteMediaStream: { id: 'remote' } },
    accept: vi.fn(async () => undefined),
    reject: vi.fn(async () => undefined),
    bye: vi.fn(async () => undefined),
  };
}

describe('startSoftphone', () => {
  it('registers the operator’s own URI and one Registerer per line, the line as the AOR, and refreshes credentials before they expire', async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const fetches = [credentials('a', now + 60 * 60_000), credentials('b', now + 120 * 60_000)];
    const fetch = vi.fn(async () => fetches.shift() ?? credentials('c', now + 180 * 60_000));
    const status = vi.fn();
    startSoftphone(fetch, { status, calls: vi.fn() });
    await vi.advanceTimersByTimeAsync(0);
    expect(sip.made.ua.configuration).toMatchObject({
      authorizationUsername: 'a',
      authorizationPassword: 'a-pw',
      transportOptions: { server: 'ws://127.0.0.1:8088/sip/ops' },
    });
    expect(sip.made.registerers.map((r) => r.options.params.toUri)).toEqual([
      { uri: 'sip:operator-1@vpbx1.sip.test' },
      { uri: line(1).target },
      { uri: line(2).target },
    ]);
    expect(status).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'registered' }));
    // Five minutes before expiry: new credentials, used by the re-REGISTERs.
    await vi.advanceTimersByTimeAsync(55 * 60_000 + 1000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sip.made.ua.configuration.authorizationUsername).toBe('b');
    expect(sip.made.ua.configuration.authorizationPassword).toBe('b-pw');
    expect(sip.made.registerers.slice(3).every((r) => r.registered === 1)).toBe(true);
  });

  it('without lines: registers the operator’s own URI all the same, and says there are no lines', async () => {
    const status = vi.fn();
    startSoftphone(async () => ({ ...credentials('a', Date.now() + 3_600_000), lines: [] }), {
      status,
      calls: vi.fn(),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sip.made.registerers.map((r) => r.options.params.toUri)).toEqual([
      { uri: 'sip:operator-1@vpbx1.sip.test' },
    ]);
    expect(status).toHaveBeenLastCalledWith({ state: 'no-lines', lines: [] });
  });

  it('an automatic callback: the order from X-Frontdesk-Callback, answered like any call', async () => {
    const calls = vi.fn();
    const phone = startSoftphone(async () => credentials('a', Date.now() + 3_600_000), {
      status: vi.fn(),
      calls,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const order = {
      id: 'o1',
      phone: '+79161110002',
      name: 'Ivan',
      widget: { id: 'w1', name: 'Call me back' },
    };
    const incoming = invitation({ 'X-Frontdesk-Callback': base64(order) });
    sip.made.ua.delegate.onInvite(incoming);
    expect(calls).toHaveBeenLastCalledWith([
      expect.objectContaining({ state: 'ringing', caller: null, order }),
    ]);
    phone.answer('call-1');
    expect(incoming.accept).toHaveBeenCalledOnce();
  });

  it('shows an incoming call with the caller, DTMF digits from SIP INFO, answer and hang up', async () => {
    const calls = vi.fn();
    const phone = startSoftphone(async () => credentials('a', Date.now() + 3_600_000), {
      status: vi.fn(),
      calls,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const caller = { widget: { name: 'Demo call' }, visitor: { timeZone: 'Asia/Tokyo' } };
    const incoming = invitation({ 'X-Frontdesk-Caller': base64(caller) });
    sip.made.ua.delegate.onInvite(incoming);
    expect(calls).toHaveBeenLastCalledWith([
      expect.objectContaining({ id: 'call-1', state: 'ringing', caller, order: null }),
    ]);
    phone.answer('call-1');
    expect(incoming.accept).toHaveBeenCalledOnce();
    incoming.to('Established');
    expect(calls).toHaveBeenLastCalledWith([
      expect.objectContaining({ state: 'answered', remote: { id: 'remote' } }),
    ]);
    for (const digit of ['4', '#']) {
      incoming.delegate.onInfo({
        request: {
          getHeader: () => 'application/dtmf-relay',
          body: `Signal=${digit}\r\nDuration=100`,
        },
        accept: async () => undefined,
      });
    }
    expect(calls).toHaveBeenLastCalledWith([expect.objectContaining({ digits: '4#' })]);
    phone.hangUp('call-1');
    expect(incoming.bye).toHaveBeenCalledOnce();
    expect(calls).toHaveBeenLastCalledWith([
      expect.objectContaining({ state: 'ended', ended: 'operator' }),
    ]);
  });

  it('the SIP edge unavailable: says so, registers nothing', async () => {
    const status = vi.fn();
    startSoftphone(
      async () => {
        throw Object.assign(new Error('Calls are unavailable'), { code: 'calls_unavailable' });
      },
      { status, calls: vi.fn() },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(status).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'unavailable' }));
  });

  it('credentials refused for another reason: an error the screen can say, not the platform’s words', async () => {
    const status = vi.fn();
    startSoftphone(
      async () => {
        throw Object.assign(new Error('Internal error'), { code: 'internal' });
      },
      { status, calls: vi.fn() },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(status).toHaveBeenLastCalledWith({
      state: 'error',
      lines: [],
      problem: { kind: 'credentials' },
    });
  });
});
