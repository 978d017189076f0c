/**
 * Erasing a person from Redis: the socket.io Redis Streams adapter keeps the recent events it
 * relayed between processes (a chat message's text, a contact's name and phone) in a stream, for
 * connection state recovery. An erase deletes every entry that holds any of the person's strings
 * (the adapter's msgpack keeps strings as their UTF-8 bytes). The stream is read in pages.
 */
import type { Redis } from 'ioredis';

/** Entries read per round trip. */
const PAGE = 500;

/** Deletes the entries of `stream` holding any of `needles`; how many it deleted. */
export async function eraseFromStream(
  redis: Redis,
  stream: string,
  needles: readonly string[],
): Promise<number> {
  if (needles.length === 0) return 0;
  const wanted = needles.map((needle) => Buffer.from(needle, 'utf8'));
  let start = '-';
  let deleted = 0;
  for (;;) {
    const entries = await redis.xrangeBuffer(stream, start, '+', 'COUNT', PAGE);
    const hits = entries
      .filter(([, fields]) => fields.some((field) => wanted.some((w) => field.includes(w))))
      .map(([id]) => id.toString());
    if (hits.length > 0) deleted += await redis.xdel(stream, ...hits);
    const last = entries.at(-1);
    if (!last || entries.length < PAGE) return deleted;
    // Exclusive start after the last id read (Redis 6.2+).
    start = `(${last[0].toString()}`;
  }
}
