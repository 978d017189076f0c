/**
 * Leaving with unsaved changes asks first: closing or reloading the tab (the browser's own
 * `beforeunload` prompt) and in-app navigation to another screen (a confirm).
 */
import { useEffect } from 'preact/hooks';
import type { Route } from './router';

/** The question asked before in-app navigation drops unsaved changes. */
export const LEAVE_QUESTION = 'You have unsaved changes. Leave without saving?';

/** The editor's guard: whether `next` keeps its changes (another tab of the same widget). */
let keeps: ((next: Route) => boolean) | null = null;

/** Whether the Studio may go to `next`: nothing unsaved, the changes stay, or the marketer agrees. */
export function mayLeave(next?: Route): boolean {
  if (!keeps || (next && keeps(next))) return true;
  return window.confirm(LEAVE_QUESTION);
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  event.preventDefault();
  // Older browsers show the prompt only when returnValue is set.
  event.returnValue = '';
}

/**
 * While `dirty`, asks before leaving: always before the page unloads, and before in-app
 * navigation to a route for which `stays` is false.
 */
export function useUnsavedGuard(dirty: boolean, stays: (next: Route) => boolean): void {
  useEffect(() => {
    if (!dirty) return;
    keeps = stays;
    addEventListener('beforeunload', onBeforeUnload);
    return () => {
      keeps = null;
      removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty, stays]);
}
