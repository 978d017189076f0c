/**
 * The operator's softphone: one sip.js user agent on the platform's SIP edge with the operator's
 * ephemeral credentials (`POST /v1/ops/sip-credentials`), one REGISTER per line the operator
 * serves (the line's URI as the AOR), incoming calls with the caller's info from Kamailio's
 * `X-Frontdesk-Caller` header, and DTMF digits as they arrive in SIP INFO. Credentials are
 * fetched again before they expire and the registrations refreshed with them.
 */
import {
  type Info,
  type Invitation,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type Web,
} from 'sip.js';
import { visitorLocalTime } from './visitor-time';

/** The answer of `POST /v1/ops/sip-credentials`. */
export interface SipCredentials {
  username: string;
  password: string;
  expiresAt: number;
  wsUrl: string;
  uri: string;
  displayName: string;
  iceServers: RTCIceServer[];
  lines: {
    target: string;
    line: string;
    widgetId: string;
    widgetKey: string;
    widgetName: string;
  }[];
}

/** What the visitor's widget told the platform, as Kamailio passes it on. */
export interface CallerInfo {
  widget?: { id?: string; key?: string; name?: string };
  page?: { url?: string; title?: string };
  utm?: Record<string, string>;
  visitor?: { id?: string; timeZone?: string };
}

/** A call to one of the operator's lines. */
export interface PhoneCall {
  id: string;
  state: 'ringing' | 'connecting' | 'answered' | 'ended';
  caller: CallerInfo | null;
  /** DTMF digits the visitor pressed, in order. */
  digits: string;
  muted: boolean;
  ringingAt: number;
  answeredAt?: number;
  /** Why it ended: the visitor hung up or cancelled, the operator, another operator answered. */
  ended?: 'visitor' | 'operator' | 'elsewhere' | 'failed';
  /** The visitor's audio, once answered. */
  remote?: MediaStream;
}

/** The softphone's registration. */
export interface PhoneStatus {
  state: 'connecting' | 'registered' | 'no-lines' | 'unavailable' | 'error';
  lines: SipCredentials['lines'];
  message?: string;
}

/** What the softphone tells the screen. */
export interface SoftphoneEvents {
  status(status: PhoneStatus): void;
  calls(calls: PhoneCall[]): void;
}

/** A running softphone. */
export interface Softphone {
  answer(id: string): void;
  decline(id: string): void;
  hangUp(id: string): void;
  setMuted(id: string, muted: boolean): void;
  /** Forgets an ended call. */
  dismiss(id: string): void;
  stop(): Promise<void>;
}

/** The caller's info from the `X-Frontdesk-Caller` header (base64 of UTF-8 JSON), or null. */
export function parseCaller(header: string | undefined): CallerInfo | null {
  if (!header) return null;
  try {
    const bytes = Uint8Array.from(atob(header.trim()), (c) => c.charCodeAt(0));
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof value === 'object' && value !== null ? (value as CallerInfo) : null;
  } catch {
    return null;
  }
}

/** The digit of an `application/dtmf-relay` (or `application/dtmf`) INFO body, or undefined. */
export function dtmfDigit(
  contentType: string | undefined,
  body: string | undefined,
): string | undefined {
  if (!body) return undefined;
  const type = contentType?.toLowerCase() ?? '';
  const match = type.includes('dtmf-relay')
    ? /Signal\s*=\s*([0-9*#A-D])/i.exec(body)
    : type.includes('application/dtmf')
      ? /^\s*([0-9*#A-D])/i.exec(body)
      : null;
  return match?.[1]?.toUpperCase();
}

/** The visitor's local time now, in their zone (from the caller info), or undefined. */
export function visitorTime(caller: CallerInfo | null, now = new Date(), locale?: string) {
  return visitorLocalTime(caller?.visitor?.timeZone, now, locale);
}

/** How long before `expiresAt` new credentials are fetched, ms. */
const REFRESH_AHEAD = 5 * 60_000;

/** Starts the softphone; `credentials` fetches the operator's (it is called again to refresh). */
export function startSoftphone(
  credentials: () => Promise<SipCredentials>,
  events: SoftphoneEvents,
): Softphone {
  let stopped = false;
  let ua: UserAgent | undefined;
  let registerers: Registerer[] = [];
  let refresh: ReturnType<typeof setTimeout> | undefined;
  let lines: SipCredentials['lines'] = [];
  const calls = new Map<string, { call: PhoneCall; invitation: Invitation }>();
  const publish = () => events.calls([...calls.values()].map(({ call }) => ({ ...call })));
  const update = (id: string, change: Partial<PhoneCall>) => {
    const entry = calls.get(id);
    if (!entry) return;
    entry.call = { ...entry.call, ...change };
    publish();
  };

  const onInvite = (invitation: Invitation) => {
    const id = invitation.id;
    const caller = parseCaller(invitation.request.getHeader('X-Frontdesk-Caller'));
    calls.set(id, {
      invitation,
      call: { id, state: 'ringing', caller, digits: '', muted: false, ringingAt: Date.now() },
    });
    invitation.delegate = {
      onInfo: (info: Info) => {
        const message = info.request;
        const digit = dtmfDigit(message.getHeader('Content-Type'), message.body);
        void info.accept().catch(() => undefined);
        const entry = calls.get(id);
        if (digit && entry) update(id, { digits: entry.call.digits + digit });
      },
    };
    invitation.stateChange.addListener((state) => {
      const entry = calls.get(id);
      if (!entry) return;
      if (state === SessionState.Established) {
        const handler = invitation.sessionDescriptionHandler as Web.SessionDescriptionHandler;
        update(id, {
          state: 'answered',
          answeredAt: Date.now(),
          remote: handler.remoteMediaStream,
        });
      } else if (state === SessionState.Terminated && entry.call.state !== 'ended') {
        update(id, {
          state: 'ended',
          ended:
            entry.call.state === 'answered'
              ? 'visitor'
              : entry.call.state === 'connecting'
                ? 'failed'
                : 'elsewhere',
        });
      }
    });
    publish();
  };

  const register = async (c: SipCredentials) => {
    for (const registerer of registerers) void registerer.dispose().catch(() => undefined);
    registerers = [];
    if (!ua) return;
    for (const line of c.lines) {
      const aor = UserAgent.makeURI(line.target);
      if (!aor) continue;
      const registerer = new Registerer(ua, { params: { toUri: aor }, expires: 300 });
      registerer.stateChange.addListener((state) => {
        if (state === RegistererState.Registered) {
          const all = registerers.every((r) => r.state === RegistererState.Registered);
          if (all) events.status({ state: 'registered', lines });
        }
      });
      registerers.push(registerer);
      await registerer.register({
        requestDelegate: {
          onReject: (response) =>
            events.status({
              state: 'error',
              lines,
              message: `REGISTER refused: ${response.message.statusCode} ${response.message.reasonPhrase}`,
            }),
        },
      });
    }
  };

  const schedule = (c: SipCredentials) => {
    clearTimeout(refresh);
    const wait = Math.max(10_000, c.expiresAt - Date.now() - REFRESH_AHEAD);
    refresh = setTimeout(() => void renew(), Math.min(wait, 2 ** 31 - 1));
  };

  /** New credentials for the same user agent: re-REGISTERs are challenged with them. */
  const renew = async () => {
    if (stopped || !ua) return;
    try {
      const c = await credentials();
      ua.configuration.authorizationUsername = c.username;
      ua.configuration.authorizationPassword = c.password;
      lines = c.lines;
      await register(c);
      schedule(c);
    } catch {
      refresh = setTimeout(() => void renew(), 15_000);
    }
  };

  const begin = async () => {
    let c: SipCredentials;
    try {
      c = await credentials();
    } catch (error) {
      const code = (error as { code?: string }).code;
      events.status({
        state: code === 'calls_unavailable' ? 'unavailable' : 'error',
        lines: [],
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    if (stopped) return;
    lines = c.lines;
    if (c.lines.length === 0) {
      events.status({ state: 'no-lines', lines: [] });
      return;
    }
    ua = new UserAgent({
      uri: UserAgent.makeURI(c.uri),
      authorizationUsername: c.username,
      authorizationPassword: c.password,
      displayName: c.displayName,
      logBuiltinEnabled: false,
      transportOptions: { server: c.wsUrl },
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: 500,
        peerConnectionConfiguration: { iceServers: c.iceServers },
      },
      delegate: {
        onInvite,
        onConnect: () => void register(c).catch(() => undefined),
        onDisconnect: (error) => {
          if (!error || stopped) return;
          events.status({ state: 'connecting', lines });
          const retry = () =>
            ua?.reconnect().catch(() => {
              if (!stopped) setTimeout(retry, 2000);
            });
          setTimeout(retry, 1000);
        },
      },
    });
    try {
      await ua.start();
    } catch (error) {
      events.status({ state: 'error', lines, message: String(error) });
      return;
    }
    schedule(c);
  };

  events.status({ state: 'connecting', lines: [] });
  void begin();

  return {
    answer(id) {
      const entry = calls.get(id);
      if (entry?.call.state !== 'ringing') return;
      update(id, { state: 'connecting' });
      entry.invitation
        .accept({
          sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
        })
        .catch(() => update(id, { state: 'ended', ended: 'failed' }));
    },
    decline(id) {
      const entry = calls.get(id);
      if (entry?.call.state !== 'ringing') return;
      update(id, { state: 'ended', ended: 'operator' });
      void entry.invitation.reject({ statusCode: 486 }).catch(() => undefined);
    },
    hangUp(id) {
      const entry = calls.get(id);
      if (!entry || entry.call.state === 'ended') return;
      update(id, { state: 'ended', ended: 'operator' });
      if (entry.invitation.state === SessionState.Established) {
        void entry.invitation.bye().catch(() => undefined);
      } else void entry.invitation.reject().catch(() => undefined);
    },
    setMuted(id, muted) {
      const entry = calls.get(id);
      const handler = entry?.invitation.sessionDescriptionHandler as
        | Web.SessionDescriptionHandler
        | undefined;
      for (const track of handler?.localMediaStream.getAudioTracks() ?? []) track.enabled = !muted;
      update(id, { muted });
    },
    dismiss(id) {
      if (calls.get(id)?.call.state !== 'ended') return;
      calls.delete(id);
      publish();
    },
    async stop() {
      stopped = true;
      clearTimeout(refresh);
      for (const { invitation } of calls.values()) {
        if (invitation.state === SessionState.Established)
          await invitation.bye().catch(() => undefined);
      }
      for (const registerer of registerers) await registerer.unregister().catch(() => undefined);
      await ua?.stop().catch(() => undefined);
    },
  };
}
