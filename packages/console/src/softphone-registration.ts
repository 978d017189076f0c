/**
 * The softphone's registrations: one REGISTER per line the operator serves (the line's URI as
 * the AOR) and one of the operator's own URI (where the platform calls them for an automatic
 * callback), told to the screen as the softphone's status, and the operator's ephemeral
 * credentials fetched again before they expire, the registrations refreshed with them.
 */
import type { OperatorSipCredentials, ServedLine } from '@frontdesk/config';
import { Registerer, RegistererState, UserAgent } from 'sip.js';

/**
 * What went wrong, for the screen to say in the operator's language: the SIP server refused a
 * REGISTER (its status code), the platform gave no SIP credentials, or the SIP WebSocket did not
 * connect. The technical detail (a status code) stays a code; no English travels to the screen.
 */
export type PhoneProblem =
  | { kind: 'refused'; code: number }
  | { kind: 'credentials' }
  | { kind: 'transport' };

/** The softphone's registration. */
export interface PhoneStatus {
  state: 'connecting' | 'registered' | 'no-lines' | 'unavailable' | 'error';
  lines: ServedLine[];
  /** Why the state is `error`. */
  problem?: PhoneProblem;
}

/** The registrations of one user agent. */
export interface LineRegistration {
  /** The lines of the latest credentials. */
  readonly lines: ServedLine[];
  /** (Re-)registers the lines of `credentials` (after each connect). */
  register(credentials: OperatorSipCredentials): Promise<void>;
  /** Fetches new credentials shortly before `credentials` expire. */
  schedule(credentials: OperatorSipCredentials): void;
  /** Stops refreshing. */
  cancel(): void;
  /** Unregisters every line. */
  unregister(): Promise<void>;
}

/** How long before `expiresAt` new credentials are fetched, ms. */
const REFRESH_AHEAD = 5 * 60_000;

/**
 * The registrations of `ua`, first with `first`; `credentials` fetches new ones, `status` hears
 * how they stand. See the module comment.
 */
export function lineRegistration(
  ua: UserAgent,
  first: OperatorSipCredentials,
  credentials: () => Promise<OperatorSipCredentials>,
  status: (status: PhoneStatus) => void,
): LineRegistration {
  let cancelled = false;
  let registerers: Registerer[] = [];
  let refresh: ReturnType<typeof setTimeout> | undefined;
  let lines = first.lines;

  const register = async (c: OperatorSipCredentials) => {
    for (const registerer of registerers) void registerer.dispose().catch(() => undefined);
    registerers = [];
    for (const target of [c.uri, ...c.lines.map((line) => line.target)]) {
      const aor = UserAgent.makeURI(target);
      if (!aor) continue;
      const registerer = new Registerer(ua, { params: { toUri: aor }, expires: 300 });
      registerer.stateChange.addListener((state) => {
        if (state === RegistererState.Registered) {
          const all = registerers.every((r) => r.state === RegistererState.Registered);
          if (all) status({ state: lines.length > 0 ? 'registered' : 'no-lines', lines });
        }
      });
      registerers.push(registerer);
      await registerer.register({
        requestDelegate: {
          onReject: (response) =>
            status({
              state: 'error',
              lines,
              problem: { kind: 'refused', code: response.message.statusCode ?? 0 },
            }),
        },
      });
    }
  };

  const schedule = (c: OperatorSipCredentials) => {
    clearTimeout(refresh);
    const wait = Math.max(10_000, c.expiresAt - Date.now() - REFRESH_AHEAD);
    refresh = setTimeout(() => void renew(), Math.min(wait, 2 ** 31 - 1));
  };

  /** New credentials for the same user agent: re-REGISTERs are challenged with them. */
  const renew = async () => {
    if (cancelled) return;
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

  return {
    get lines() {
      return lines;
    },
    register,
    schedule,
    cancel() {
      cancelled = true;
      clearTimeout(refresh);
    },
    async unregister() {
      for (const registerer of registerers) await registerer.unregister().catch(() => undefined);
    },
  };
}
