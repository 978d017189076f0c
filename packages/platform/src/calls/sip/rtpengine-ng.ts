/**
 * rtpengine's control protocol ("ng"): over UDP, `<cookie> <bencoded dictionary>` each way. The
 * edge uses it to know rtpengine answers (`ping`) and to ask what it relays (`list`, `query`);
 * Kamailio's rtpengine module drives the calls themselves.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/** What bencode carries. */
export type Bencoded = string | number | Bencoded[] | { [key: string]: Bencoded };

/** `value` bencoded (strings as UTF-8, keys sorted as the format wants). */
export function bencode(value: Bencoded): string {
  if (typeof value === 'number') return `i${Math.trunc(value)}e`;
  if (typeof value === 'string') return `${Buffer.byteLength(value)}:${value}`;
  if (Array.isArray(value)) return `l${value.map(bencode).join('')}e`;
  const keys = Object.keys(value).sort();
  return `d${keys.map((key) => bencode(key) + bencode(value[key] as Bencoded)).join('')}e`;
}

/** The value bencoded in `data`. @throws {SyntaxError} for anything else. */
export function bdecode(data: Buffer): Bencoded {
  let at = 0;
  const fail = (): never => {
    throw new SyntaxError(`not bencode at byte ${at}`);
  };
  const next = (): Bencoded => {
    const c = String.fromCharCode(data[at] ?? 0);
    if (c === 'i') {
      const end = data.indexOf(0x65, at);
      if (end < 0) fail();
      const n = Number(data.subarray(at + 1, end).toString());
      at = end + 1;
      return Number.isFinite(n) ? n : fail();
    }
    if (c === 'l' || c === 'd') {
      at++;
      const items: Bencoded[] = [];
      while (data[at] !== 0x65) {
        if (at >= data.length) fail();
        items.push(next());
      }
      at++;
      if (c === 'l') return items;
      const dict: Record<string, Bencoded> = {};
      for (let i = 0; i + 1 < items.length; i += 2)
        dict[String(items[i])] = items[i + 1] as Bencoded;
      return dict;
    }
    const colon = data.indexOf(0x3a, at);
    const length = Number(data.subarray(at, colon).toString());
    if (colon < 0 || !Number.isInteger(length) || colon + 1 + length > data.length) fail();
    const text = data.subarray(colon + 1, colon + 1 + length).toString('utf8');
    at = colon + 1 + length;
    return text;
  };
  const value = next();
  if (at !== data.length) fail();
  return value;
}

/** Sends one ng command to rtpengine on 127.0.0.1:`port`; resolves with its answer. */
export function ngCommand(
  port: number,
  command: Record<string, Bencoded>,
  timeoutMs = 1_000,
): Promise<Record<string, Bencoded>> {
  const cookie = randomBytes(8).toString('hex');
  const socket = createSocket('udp4');
  return new Promise<Record<string, Bencoded>>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`rtpengine on port ${port} did not answer ${String(command.command)}`));
    }, timeoutMs);
    socket.on('message', (message) => {
      const space = message.indexOf(0x20);
      if (message.subarray(0, space).toString() !== cookie) return;
      clearTimeout(timer);
      socket.close();
      try {
        const answer = bdecode(message.subarray(space + 1));
        if (typeof answer !== 'object' || Array.isArray(answer))
          throw new SyntaxError('not a dictionary');
        resolve(answer);
      } catch (error) {
        reject(error);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.send(`${cookie} ${bencode(command)}`, port, '127.0.0.1');
  });
}
