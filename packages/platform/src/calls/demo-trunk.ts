/**
 * The demo account's way out to the telephone network, from the environment (`npm start` points
 * it at its local phone network): `DEMO_TRUNK_URL` = `sip://<user>:<password>@<host>:<port>
 * [?transport=udp|tcp]`. Seeded once, when the demo account has no trunk yet; the demo call
 * widget then falls back to `DEMO_TRUNK_FALLBACK` (default +74951110001, the phone network's number
 * that answers at once) when nobody answers in the console, presenting the widget's own number.
 */
import type { CallSettings } from '@frontdesk/config';
import type { Store } from '../storage/store';
import type { NewTrunk } from './call-records';

/** The phone network's number that answers at once (packages/phone-network, README). */
const DEFAULT_FALLBACK = '+74951110001';
/** The number the demo call widget presents. */
const DEMO_OUTGOING = '+74957770000';

/** A trunk's connection as `DEMO_TRUNK_URL` gives it. */
export type TrunkUrl = Pick<NewTrunk, 'host' | 'port' | 'transport' | 'username' | 'password'>;

/** `url` read as a trunk. @throws {Error} naming DEMO_TRUNK_URL and what is wrong. */
export function parseTrunkUrl(url: string): TrunkUrl {
  const fail = (why: string): never => {
    throw new Error(`DEMO_TRUNK_URL ${why}: sip://user:password@host:port[?transport=udp|tcp]`);
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('is not a URL');
  }
  if (parsed.protocol !== 'sip:') fail('must start with sip://');
  const port = Number(parsed.port || 5060);
  const transport = parsed.searchParams.get('transport') ?? 'udp';
  if (transport !== 'udp' && transport !== 'tcp') fail('has an unknown transport');
  if (!parsed.hostname || !parsed.username || !parsed.password) {
    fail('needs a host, a user and a password');
  }
  return {
    host: parsed.hostname,
    port,
    transport: transport as TrunkUrl['transport'],
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * Adds `trunk` to the demo account `accountId` unless it has one, and points the demo call
 * widget's fallback at `fallback` through it; whether it added one.
 */
export async function seedDemoTrunk(
  store: Store,
  input: { accountId: string; trunk: TrunkUrl; fallback?: string | undefined; now: number },
): Promise<boolean> {
  const { accountId, trunk, now } = input;
  if ((await store.trunks.list(accountId)).length > 0) return false;
  await store.trunks.create({
    accountId,
    name: 'Demo phone network',
    ...trunk,
    register: false,
    callerId: null,
    callerIdHeader: 'from',
    maxCalls: 4,
    destinations: ['7'],
    now,
  });
  const widget = await store.widgets.byKey('demo-call');
  if (widget?.accountId === accountId) {
    await store.widgets.update(widget.id, {
      settings: {
        ...(widget.settings as CallSettings),
        fallback: { kind: 'external', number: input.fallback ?? DEFAULT_FALLBACK },
        outgoingNumber: DEMO_OUTGOING,
      },
      now,
    });
  }
  return true;
}
