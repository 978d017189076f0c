import { describe, expect, it } from 'vitest';
import { parseWav, SAMPLE_RATE, toneWav } from '../../src/tone/wav';

describe('toneWav / parseWav', () => {
  it('writes 8 kHz mono 16-bit PCM that reads back as the same sine', () => {
    const wav = toneWav(1000, 0.5, 0.5);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt16LE(34)).toBe(16);
    const audio = parseWav(wav);
    expect(audio.sampleRate).toBe(SAMPLE_RATE);
    expect(audio.samples).toHaveLength(4000);
    // 1000 Hz at 8 kHz: a quarter period is 2 samples, so sample 2 is the peak.
    expect(audio.samples[2]).toBeCloseTo(0.5, 3);
    expect(audio.samples[6]).toBeCloseTo(-0.5, 3);
  });

  it('reads a recording whose data size is not written yet (still open)', () => {
    const wav = toneWav(440, 0.1);
    wav.writeUInt32LE(0, 40);
    expect(parseWav(wav).samples).toHaveLength(800);
  });

  it('skips chunks before the data and reads the first of two channels', () => {
    const stereo = Buffer.alloc(44 + 12 + 8);
    stereo.write('RIFF', 0, 'ascii');
    stereo.write('WAVE', 8, 'ascii');
    stereo.write('fmt ', 12, 'ascii');
    stereo.writeUInt32LE(16, 16);
    stereo.writeUInt16LE(1, 20);
    stereo.writeUInt16LE(2, 22);
    stereo.writeUInt32LE(8000, 24);
    stereo.writeUInt16LE(16, 34);
    stereo.write('LIST', 36, 'ascii');
    stereo.writeUInt32LE(4, 40);
    stereo.write('data', 48, 'ascii');
    stereo.writeUInt32LE(8, 52);
    stereo.writeInt16LE(16384, 56);
    stereo.writeInt16LE(-1, 58);
    stereo.writeInt16LE(-16384, 60);
    stereo.writeInt16LE(-1, 62);
    expect([...parseWav(stereo).samples]).toEqual([0.5, -0.5]);
  });

  it('refuses what is not 16-bit PCM WAV', () => {
    expect(() => parseWav(Buffer.from('not a wav file at all, no header here....'))).toThrow(
      /RIFF/,
    );
    const eightBit = toneWav(440, 0.01);
    eightBit.writeUInt16LE(8, 34);
    expect(() => parseWav(eightBit)).toThrow(/16-bit/);
  });
});
