/**
 * The browser's ways to reach an operator who looks elsewhere: a short chime made with WebAudio
 * (no asset to load) and a desktop notification when the operator allowed them. When to use
 * them is alerts.ts's business.
 */

let audio: AudioContext | undefined;

/**
 * Plays a two-note chime. Browsers keep audio suspended until the page had a user gesture; the
 * console always had one (signing in), and a refused start is silent rather than an error.
 */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume().catch(() => undefined);
    const start = audio.currentTime;
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.45);
    for (const [frequency, at] of [
      [880, 0],
      [1320, 0.15],
    ] as const) {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start + at);
      tone.stop(start + at + 0.3);
    }
  } catch {
    // No WebAudio (or no device): the visible list and the live region still tell.
  }
}

/** Whether desktop notifications are possible here and not decided yet (the button shows then). */
export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Asks for desktop notifications; call it from a click, browsers ignore it otherwise. */
export async function askForNotifications(): Promise<NotificationPermission> {
  return Notification.requestPermission();
}

/** What a desktop notification says, and what clicking it does. */
export interface DesktopNote {
  title: string;
  body: string;
  /** A later note with the same tag replaces this one (one per conversation, say). */
  tag: string;
  /** No sound of the system's own (the operator muted the console). */
  silent: boolean;
  onClick(): void;
}

/** Shows a desktop notification when allowed; clicking it brings the console forward. */
export function desktopNotify(note: DesktopNote): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(note.title, {
    body: note.body,
    tag: note.tag,
    silent: note.silent,
  });
  notification.onclick = () => {
    window.focus();
    note.onClick();
    notification.close();
  };
}
