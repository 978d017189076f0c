/**
 * Which tone a recording carries: the Goertzel algorithm (one DFT bin at any frequency) over
 * blocks of 100 ms, so that silence before the far end's audio arrives, or after it stops, does
 * not dilute the answer. Lets tests prove each side of a call heard the other.
 */
import { type PcmAudio, readWav } from './wav';

/** Blocks quieter than this (RMS, full scale 1) are silence and not analysed (≈ −46 dBFS). */
const SILENCE_RMS = 0.005;
const BLOCK_SECONDS = 0.1;

/** |X(hz)|² of `samples[start, start + length)`. */
function goertzelPower(
  samples: Float64Array,
  start: number,
  length: number,
  hz: number,
  sampleRate: number,
): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = start; i < start + length; i++) {
    const current = (samples[i] ?? 0) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return (
    previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
  );
}

interface Block {
  start: number;
  length: number;
  energy: number;
}

/** The 100 ms blocks that are not silence. */
function soundingBlocks(audio: PcmAudio): Block[] {
  const length = Math.round(audio.sampleRate * BLOCK_SECONDS);
  const blocks: Block[] = [];
  for (let start = 0; start + length <= audio.samples.length; start += length) {
    let energy = 0;
    for (let i = start; i < start + length; i++) energy += (audio.samples[i] ?? 0) ** 2;
    if (Math.sqrt(energy / length) >= SILENCE_RMS) blocks.push({ start, length, energy });
  }
  return blocks;
}

/**
 * How many seconds of `audio` are mostly (≥ `minShare` of the block's energy) a tone at `hz`.
 * A pure tone at `hz` has a share near 1; another tone 100 Hz away, near 0.
 */
export function toneSeconds(audio: PcmAudio, hz: number, minShare = 0.5): number {
  let count = 0;
  for (const block of soundingBlocks(audio)) {
    const power = goertzelPower(audio.samples, block.start, block.length, hz, audio.sampleRate);
    if ((2 * power) / (block.length * block.energy) >= minShare) count++;
  }
  return count * BLOCK_SECONDS;
}

/**
 * The strongest frequency of the sounding part of `audio`, to `stepHz`, between `fromHz` and
 * `toHz` (default the telephone band); `undefined` when it is all silence.
 */
export function peakFrequency(
  audio: PcmAudio,
  { fromHz = 100, toHz = 3900, stepHz = 10 } = {},
): number | undefined {
  const blocks = soundingBlocks(audio);
  if (blocks.length === 0) return undefined;
  let best: number | undefined;
  let bestPower = -1;
  for (let hz = fromHz; hz <= toHz; hz += stepHz) {
    let power = 0;
    for (const block of blocks) {
      power += goertzelPower(audio.samples, block.start, block.length, hz, audio.sampleRate);
    }
    if (power > bestPower) {
      bestPower = power;
      best = hz;
    }
  }
  return best;
}

/** {@link peakFrequency} of a WAV file (a phone's recording). */
export async function dominantFrequency(wavFile: string): Promise<number | undefined> {
  return peakFrequency(await readWav(wavFile));
}

/** Whether a WAV file carries a tone at `hz` for at least `minSeconds` (default half a second). */
export async function hasTone(wavFile: string, hz: number, minSeconds = 0.5): Promise<boolean> {
  return toneSeconds(await readWav(wavFile), hz) >= minSeconds;
}
