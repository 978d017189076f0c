/**
 * Our ringback while the far end rings (unless it plays its own): 425 Hz, 1 s on, 4 s off (the
 * Russian tone), through WebAudio.
 */

/** Ringback while ringing: 425 Hz, 1 s on, 4 s off (the Russian tone), through WebAudio. */
export function ringback(context: AudioContext): () => void {
  const gain = context.createGain();
  gain.gain.value = 0;
  const tone = context.createOscillator();
  tone.frequency.value = 425;
  tone.connect(gain).connect(context.destination);
  tone.start();
  const t = context.currentTime;
  for (let i = 0; i < 60; i++) {
    gain.gain.setValueAtTime(0.08, t + i * 5);
    gain.gain.setValueAtTime(0, t + i * 5 + 1);
  }
  return () => {
    try {
      tone.stop();
      gain.disconnect();
    } catch {
      // already stopped
    }
  };
}
