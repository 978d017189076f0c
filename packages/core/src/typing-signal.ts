/**
 * A typing indicator in a chat (the visitor's, the operator's) as few typing events as will do:
 * `true` when typing starts and again at most every `every` ms while it goes on (so the other
 * side can expire a lost "stopped"), `false` after `idle` ms without a keystroke or when the
 * message is sent.
 */

/** What a composer calls. */
export interface TypingSignal {
  /** A keystroke. */
  typed(): void;
  /** Sent or abandoned: says "stopped" if "typing" was said. */
  stop(): void;
}

/** A typing signal over `emit`; see the module comment. */
export function typingSignal(
  emit: (typing: boolean) => void,
  { every = 3000, idle = 4000, now = Date.now } = {},
): TypingSignal {
  let lastSent = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    if (lastSent === Number.NEGATIVE_INFINITY) return;
    lastSent = Number.NEGATIVE_INFINITY;
    emit(false);
  };
  return {
    typed() {
      if (now() - lastSent >= every) {
        lastSent = now();
        emit(true);
      }
      clearTimeout(timer);
      timer = setTimeout(stop, idle);
    },
    stop,
  };
}
