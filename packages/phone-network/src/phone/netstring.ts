/**
 * Netstrings (`<length>:<bytes>,`), the framing of baresip's `ctrl_tcp` module. Lengths count
 * bytes, not characters: a display name may hold any UTF-8.
 */

/** `text` as one netstring. */
export function encodeNetstring(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body, Buffer.from(',', 'ascii')]);
}

/** Splits a byte stream into the netstrings it carries, whatever the chunks. */
export class NetstringReader {
  private pending = Buffer.alloc(0);

  /**
   * Adds `chunk`; returns the messages it completed.
   * @throws {Error} when the stream is not netstrings (no way to find the next message).
   */
  push(chunk: Buffer): string[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const messages: string[] = [];
    for (;;) {
      const colon = this.pending.indexOf(0x3a);
      if (colon === -1) {
        if (!/^\d{0,9}$/.test(this.pending.toString('ascii'))) throw this.corrupt();
        return messages;
      }
      const length = this.pending.toString('ascii', 0, colon);
      if (!/^\d{1,9}$/.test(length)) throw this.corrupt();
      const end = colon + 1 + Number(length);
      if (this.pending.length < end + 1) return messages;
      if (this.pending[end] !== 0x2c) throw this.corrupt();
      messages.push(this.pending.toString('utf8', colon + 1, end));
      this.pending = this.pending.subarray(end + 1);
    }
  }

  private corrupt(): Error {
    return new Error(`not a netstring: ${JSON.stringify(this.pending.toString('utf8', 0, 40))}`);
  }
}
