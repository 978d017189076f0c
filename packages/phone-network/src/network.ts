/**
 * A telephone network on one machine: baresip phones, one process per number, and a Kamailio
 * "carrier" routing `sip:<number>@carrier` to them, all on one loopback address. Ports come in
 * slots of 4 from one block: slot 0 the carrier (SIP, RPC at +2), then one slot per phone (SIP,
 * TLS at +1, control at +2).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Carrier, type CarrierOptions, startCarrier } from './carrier/carrier';
import { NUMBER } from './phone/config';
import { type Phone, type PhoneSpec, startPhone } from './phone/phone';
import { blockFree, freePortBlock, SLOT_SIZE } from './ports';

/** What to start. */
export interface PhoneNetworkOptions {
  /** Its working directory: one folder per phone and one for the carrier. */
  dir: string;
  /** The loopback address everything listens on (127.x.x.x only). Default 127.0.0.1. */
  host?: string;
  numbers: PhoneSpec[];
  /** The carrier's settings; `false` for phones only. Default: a carrier without trunks. */
  carrier?: CarrierOptions | false;
  /** The first port of the block (the carrier's SIP port). Default: a free block. */
  basePort?: number;
  /** How long each phone's tone lasts, which bounds its calls (baresip 1.0). Default 120 s. */
  toneSeconds?: number;
  /** Lines about starts, stops and unexpected exits. Default: none. */
  log?: (line: string) => void;
}

/** The running network. */
export interface PhoneNetwork {
  host: string;
  phones: readonly Phone[];
  /** The phone of `number`. @throws {Error} for a number not in the network. */
  phone(number: string): Phone;
  /** The carrier, unless started without. */
  carrier: Carrier | undefined;
  /** Stops every phone and the carrier. */
  stop(): Promise<void>;
}

/** The tones phones play by default: 440 Hz, then 180 Hz apart, all inside the phone band. */
export function defaultToneHz(index: number): number {
  return 440 + 180 * (index % 17);
}

/** Starts the network; resolves once every phone takes commands and the carrier answers. */
export async function startPhoneNetwork(options: PhoneNetworkOptions): Promise<PhoneNetwork> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  // A stand-in must not be reachable from outside the machine.
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new Error(`The phone network listens on loopback only, not on ${host}`);
  }
  const seen = new Set<string>();
  for (const spec of options.numbers) {
    if (!NUMBER.test(spec.number)) throw new Error(`Not a phone number: ${spec.number}`);
    if (seen.has(spec.number)) throw new Error(`The number ${spec.number} is there twice`);
    seen.add(spec.number);
  }
  const count = SLOT_SIZE * (options.numbers.length + 1);
  let base = options.basePort;
  if (base === undefined) {
    base = await freePortBlock(host, count);
  } else if (!(await blockFree(host, base, count))) {
    throw new Error(`Ports ${base}–${base + count - 1} on ${host} are not all free`);
  }
  const slot = (index: number) => (base as number) + SLOT_SIZE * (index + 1);

  const phones: Phone[] = [];
  let carrier: Carrier | undefined;
  const stop = async () => {
    await Promise.all([...phones.map((phone) => phone.stop()), carrier?.stop()]);
  };
  try {
    await mkdir(options.dir, { recursive: true });
    for (const [index, spec] of options.numbers.entries()) {
      const phone = await startPhone({
        spec,
        toneHz: spec.toneHz ?? defaultToneHz(index),
        toneSeconds: options.toneSeconds ?? 120,
        host,
        sipPort: slot(index),
        controlPort: slot(index) + 2,
        dir: join(options.dir, `phone-${spec.number}`),
        log,
      });
      phones.push(phone);
      log(`phone ${spec.number}: ${phone.uri} (${phone.toneHz} Hz)`);
    }
    if (options.carrier !== false) {
      carrier = await startCarrier({
        options: options.carrier ?? {},
        host,
        sipPort: base,
        tlsPort: base + 1,
        rpcPort: base + 2,
        dir: join(options.dir, 'carrier'),
        routes: new Map(
          options.numbers.map((spec, index) => [spec.number, `${host}:${slot(index)}`]),
        ),
        log,
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host,
    phones,
    carrier,
    phone(number) {
      const found = phones.find((phone) => phone.number === number);
      if (!found) throw new Error(`No phone ${number} in the network`);
      return found;
    },
    stop,
  };
}
