/**
 * WAV files of 16-bit PCM, the only kind the phones play and record: a tone to play (baresip's
 * `aufile` takes 8 kHz mono S16LE) and the samples of a recording (`sndfile`'s dumps).
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The sample rate of G.711, the phones' only codecs. */
export const SAMPLE_RATE = 8000;

/** A sine tone at `hz` for `seconds`, as an 8 kHz mono 16-bit WAV file (header + samples). */
export function toneWav(hz: number, seconds: number, amplitude = 0.25): Buffer {
  const count = Math.round(SAMPLE_RATE * seconds);
  const wav = Buffer.alloc(44 + count * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + count * 2, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(count * 2, 40);
  const peak = Math.round(32767 * amplitude);
  for (let i = 0; i < count; i++) {
    wav.writeInt16LE(Math.round(peak * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE)), 44 + i * 2);
  }
  return wav;
}

/** Writes {@link toneWav} to `file`. */
export async function writeToneWav(file: string, hz: number, seconds: number): Promise<void> {
  await writeFile(file, toneWav(hz, seconds));
}

/** The samples of a WAV file (first channel, scaled to −1…1) and their rate. */
export interface PcmAudio {
  sampleRate: number;
  samples: Float64Array;
}

/**
 * Reads a 16-bit PCM WAV. A recording still being written (its `data` size not yet filled in,
 * or larger than the file) yields the samples that are there.
 * @throws {Error} for anything but RIFF/WAVE with 16-bit PCM.
 */
export function parseWav(wav: Buffer): PcmAudio {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let channels = 0;
  let sampleRate = 0;
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = wav.readUInt16LE(body);
      const bits = wav.readUInt16LE(body + 14);
      // 0xFFFE (extensible) carries plain PCM too; libsndfile writes it for some layouts.
      if ((format !== 1 && format !== 0xfffe) || bits !== 16) {
        throw new Error(`only 16-bit PCM is read (format ${format}, ${bits} bits)`);
      }
      channels = wav.readUInt16LE(body + 2);
      sampleRate = wav.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (channels === 0) throw new Error('the data chunk comes before the fmt chunk');
      const end = size === 0 || body + size > wav.length ? wav.length : body + size;
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Float64Array(frames);
      for (let i = 0; i < frames; i++)
        samples[i] = wav.readInt16LE(body + i * 2 * channels) / 32768;
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Reads and parses a WAV file. */
export async function readWav(file: string): Promise<PcmAudio> {
  return parseWav(await readFile(file));
}
