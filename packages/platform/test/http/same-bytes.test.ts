import { describe, expect, it } from 'vitest';
import { sameBytes } from '../../src/http/same-bytes';

describe('sameBytes', () => {
  it('tells the same bytes from others, of any length, as strings or buffers', () => {
    expect(sameBytes('s3cret', 's3cret')).toBe(true);
    expect(sameBytes(Buffer.from('ab'), Buffer.from('ab'))).toBe(true);
    expect(sameBytes('s3cret', 's3creT')).toBe(false);
    // A prefix, or a longer string, is not the secret (timingSafeEqual alone would throw).
    expect(sameBytes('s3c', 's3cret')).toBe(false);
    expect(sameBytes('s3cret!', 's3cret')).toBe(false);
    expect(sameBytes('', 's3cret')).toBe(false);
    // Bytes, not characters: "é" in UTF-8 is not "e" and a combining mark.
    expect(sameBytes('é', 'e\u0301')).toBe(false);
  });
});
