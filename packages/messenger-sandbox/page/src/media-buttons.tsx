/**
 * What a customer can send besides text, one button each: the sandbox's sample photo or file, a
 * sticker, a location, a contact card, a voice message (as the control API's `media` takes them;
 * each messenger offers the kinds it has).
 */

/** The kinds of media message. */
export type MediaKind = 'photo' | 'file' | 'sticker' | 'location' | 'contact' | 'voice';

const SAMPLES: Record<MediaKind, { label: string; body: Record<string, unknown> }> = {
  photo: { label: 'Photo', body: { type: 'photo' } },
  file: { label: 'File', body: { type: 'file', fileName: 'order.pdf' } },
  sticker: { label: 'Sticker', body: { type: 'sticker', emoji: '😀' } },
  location: {
    label: 'Location',
    body: { type: 'location', latitude: 55.7558, longitude: 37.6173 },
  },
  contact: {
    label: 'Contact',
    body: { type: 'contact', name: 'Ivan Petrov', phone: '+79161234567' },
  },
  voice: { label: 'Voice message', body: { type: 'voice', duration: 7 } },
};

/** The buttons of `kinds`; `send` posts the media message. */
export function MediaButtons({
  kinds,
  send,
}: {
  kinds: readonly MediaKind[];
  send: (body: Record<string, unknown>) => void;
}) {
  return (
    <fieldset class="media-buttons">
      <legend>Or send a sample</legend>
      {kinds.map((kind) => (
        <button key={kind} type="button" onClick={() => send(SAMPLES[kind].body)}>
          {SAMPLES[kind].label}
        </button>
      ))}
    </fieldset>
  );
}
