/** Polite announcements for screen readers: what changed, without moving focus. */

/**
 * A visually hidden `role="status"` region; render it from the start and change `message` to
 * announce it.
 */
export function LiveRegion(props: { message: string }) {
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {props.message}
    </div>
  );
}
