/**
 * The console's keyboard shortcuts: Alt+Shift and a letter, read by the key's place
 * (`KeyboardEvent.code`) so that they work in any keyboard layout, a Russian one too. They work
 * from anywhere, the reply box included, and do nothing else there.
 */
import { useEffect, useRef } from 'preact/hooks';

/** Actions by `KeyboardEvent.code` ("KeyA"). */
export type Shortcuts = Record<string, () => void>;

/** Runs `shortcuts[code]` on Alt+Shift+the key, for the life of the component. */
export function useShortcuts(shortcuts: Shortcuts): void {
  // The listener stays; the actions it runs are the latest render's.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const action = current.current[event.code];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
