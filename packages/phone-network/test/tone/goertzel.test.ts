import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dominantFrequency, hasTone, peakFrequency, toneSeconds } from '../../src/tone/goertzel';
import { type PcmAudio, parseWav, toneWav } from '../../src/tone/wav';

/** `seconds` of silence, then `audio`, then silence again: a call's recording. */
function withSilence(audio: PcmAudio, seconds: number): PcmAudio {
  const pad = Math.round(audio.sampleRate * seconds);
  const samples = new Float64Array(audio.samples.length + 2 * pad);
  samples.set(audio.samples, pad);
  return { sampleRate: audio.sampleRate, samples };
}

describe('tone analysis', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'goertzel-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the frequency of a tone, whatever silence surrounds it', () => {
    const tone = parseWav(toneWav(620, 1));
    expect(peakFrequency(tone)).toBe(620);
    expect(peakFrequency(withSilence(tone, 3))).toBe(620);
    expect(toneSeconds(withSilence(tone, 3), 620)).toBeCloseTo(1, 5);
  });

  it('tells a tone from another 180 Hz away, and from silence', () => {
    const tone = parseWav(toneWav(800, 2));
    expect(toneSeconds(tone, 800)).toBeCloseTo(2, 5);
    expect(toneSeconds(tone, 620)).toBe(0);
    const silence: PcmAudio = { sampleRate: 8000, samples: new Float64Array(8000) };
    expect(peakFrequency(silence)).toBeUndefined();
    expect(toneSeconds(silence, 800)).toBe(0);
  });

  it('reads WAV files: hasTone and dominantFrequency', async () => {
    const file = join(dir, 'tone.wav');
    await writeFile(file, toneWav(440, 1));
    expect(await dominantFrequency(file)).toBe(440);
    expect(await hasTone(file, 440)).toBe(true);
    expect(await hasTone(file, 980)).toBe(false);
    // Only 1 s of it: not enough for a demand of 2 s.
    expect(await hasTone(file, 440, 2)).toBe(false);
  });
});
