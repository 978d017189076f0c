/**
 * The sound of a new operator message, played by one tab only: the tab holding the widget's
 * Web Lock (the first to ask; the next one takes over when it closes). Where Web Locks are
 * missing (plain-http sites), only a tab in view plays. A short tone made with Web Audio: no
 * file to fetch.
 */

/** A widget's player of new-message sounds. */
export interface Ringer {
  ring(): void;
  stop(): void;
}

/** The sound itself; silent where the browser refuses audio. */
function tone(): void {
  try {
    const context = new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.onended = () => void context.close();
    oscillator.start();
    oscillator.stop(context.currentTime + 0.3);
  } catch {
    // No audio here: the badge and the announcement still tell.
  }
}

/** The ringer of widget `key` (see the module comment); `play` makes the sound. */
export function createRinger(key: string, play: () => void = tone): Ringer {
  const locks = typeof navigator === 'object' ? navigator.locks : undefined;
  const quit = new AbortController();
  let leader = false;
  let release = () => {};
  locks
    ?.request(`frontdesk:chat-sound:${key}`, { signal: quit.signal }, () => {
      leader = true;
      return new Promise<void>((resolve) => (release = resolve));
    })
    .catch(() => undefined);
  return {
    ring() {
      if (locks ? leader : document.visibilityState === 'visible') play();
    },
    stop() {
      quit.abort();
      release();
      leader = false;
    },
  };
}
