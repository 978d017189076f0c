/**
 * Loading on intent: the heavy part of a widget (its form, Preact, validation) is fetched when
 * the visitor shows interest, or (unless told not to) once the browser has nothing better to do.
 */

const INTENT = ['pointerover', 'focusin', 'touchstart', 'pointerdown'] as const;

/**
 * Calls `load` once: on the first pointer, touch or focus on `target` (passing `accept`, when
 * given, for the event's target element), or when the browser is idle (within `idleMs`) after
 * the page has loaded — the widget never competes with the host page's own loading. `idleMs`
 * `false`: on intent only.
 * @returns a function that cancels what is still pending.
 */
export function onIntent(
  target: EventTarget,
  load: () => void,
  options: { accept?: (element: Element) => boolean; idleMs?: number | false } = {},
): () => void {
  let done = false;
  const fire = (event?: Event) => {
    const element = event?.target;
    if (
      done ||
      (event && options.accept && !(element instanceof Element && options.accept(element)))
    )
      return;
    cancel();
    load();
  };
  const idleMs = options.idleMs;
  const timeout = idleMs === false ? 0 : (idleMs ?? 4000);
  let stopIdle = () => {};
  const whenIdle = () => {
    // Safari has no requestIdleCallback: a plain timer stands in.
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => fire(), { timeout });
      stopIdle = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(() => fire(), timeout);
      stopIdle = () => clearTimeout(id);
    }
  };
  if (idleMs !== false) {
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  }
  for (const type of INTENT) target.addEventListener(type, fire, { passive: true, capture: true });
  function cancel() {
    done = true;
    removeEventListener('load', whenIdle);
    stopIdle();
    for (const type of INTENT) target.removeEventListener(type, fire, { capture: true });
  }
  return cancel;
}
