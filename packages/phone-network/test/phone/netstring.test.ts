import { describe, expect, it } from 'vitest';
import { encodeNetstring, NetstringReader } from '../../src/phone/netstring';

describe('netstrings', () => {
  it('frames by bytes, not characters', () => {
    expect(encodeNetstring('{"a":1}').toString()).toBe('7:{"a":1},');
    expect(encodeNetstring('Алиса').toString()).toBe('10:Алиса,');
  });

  it('reads messages split across chunks and several in one chunk', () => {
    const reader = new NetstringReader();
    const stream = Buffer.concat([
      encodeNetstring('Алиса'),
      encodeNetstring('{}'),
      encodeNetstring(''),
    ]);
    // Split inside the length, inside a multi-byte character, and at the comma.
    expect(reader.push(stream.subarray(0, 1))).toEqual([]);
    expect(reader.push(stream.subarray(1, 6))).toEqual([]);
    expect(reader.push(stream.subarray(6, 13))).toEqual([]);
    expect(reader.push(stream.subarray(13))).toEqual(['Алиса', '{}', '']);
  });

  it('refuses a stream that is not netstrings', () => {
    expect(() => new NetstringReader().push(Buffer.from('hello'))).toThrow(/not a netstring/);
    expect(() => new NetstringReader().push(Buffer.from('2:ab;'))).toThrow(/not a netstring/);
  });
});
