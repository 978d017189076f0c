/**
 * What a fetched file is taken to be: its first bytes decide, never the messenger's word. A photo
 * must be a JPEG, PNG, GIF or WebP picture; any other file is kept as a recognised type or as
 * opaque bytes — so HTML or SVG can never be served as such.
 */
import { describe, expect, it } from 'vitest';
import {
  checkContent,
  sizeWords,
  sniffType,
} from '../../../../src/chat/channels/attachments/content-check';

const bytes = (text: string, prefix: number[] = []) =>
  new Uint8Array([...prefix, ...Buffer.from(text, 'latin1')]);

describe('content check', () => {
  it('recognises pictures and PDFs by their first bytes', () => {
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(sniffType(bytes('IHDR', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(sniffType(bytes('GIF89a...'))).toBe('image/gif');
    expect(sniffType(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffType(bytes('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffType(bytes('RIFF\0\0\0\0WAVE'))).toBeUndefined();
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });

  it('keeps a photo only when it is a picture the console shows', () => {
    expect(checkContent('image', new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toEqual({
      contentType: 'image/jpeg',
    });
    const refused = {
      error: 'The photo is not a picture the console can show (JPEG, PNG, GIF or WebP).',
    };
    expect(checkContent('image', bytes('<svg onload="alert(1)"/>'))).toEqual(refused);
    expect(checkContent('image', bytes('%PDF-1.4'))).toEqual(refused);
  });

  it('keeps any file, as opaque bytes unless recognised', () => {
    expect(checkContent('file', bytes('<html><script>alert(1)</script>'))).toEqual({
      contentType: 'application/octet-stream',
    });
    expect(checkContent('file', bytes('%PDF-1.4'))).toEqual({ contentType: 'application/pdf' });
  });

  it('says sizes as a person reads them', () => {
    expect(sizeWords(20 * 1024 * 1024)).toBe('20 MB');
    expect(sizeWords(1536)).toBe('2 KB');
    expect(sizeWords(900)).toBe('900 bytes');
  });
});
