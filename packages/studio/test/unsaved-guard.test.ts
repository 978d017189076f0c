// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Route } from '../src/router';
import { LEAVE_QUESTION, mayLeave, useUnsavedGuard } from '../src/unsaved-guard';

const sameWidget = (next: Route) => next.screen === 'widget' && next.id === 'w1';

function Guarded({ dirty }: { dirty: boolean }) {
  useUnsavedGuard(dirty, sameWidget);
  return null;
}

let shown: ReturnType<typeof render> | undefined;
/** Mounts the guard, or gives the mounted one `dirty`. */
function show(dirty: boolean) {
  const guarded = h(Guarded, { dirty });
  if (shown) shown.rerender(guarded);
  else shown = render(guarded);
}

afterEach(() => {
  // Inside act: the hooks' cleanup runs now, not on a timer after jsdom is gone.
  act(() => cleanup());
  shown = undefined;
  vi.restoreAllMocks();
});

describe('useUnsavedGuard', () => {
  it('lets the marketer go anywhere while nothing is unsaved', () => {
    show(false);
    const confirm = vi.spyOn(window, 'confirm');
    expect(mayLeave({ screen: 'list' })).toBe(true);
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before leaving unsaved changes, in the app and on unload', () => {
    show(true);
    const confirm = vi
      .spyOn(window, 'confirm')
      .mockReturnValueOnce(false)
      .mockReturnValueOnce(true);
    expect(mayLeave({ screen: 'list' })).toBe(false);
    expect(confirm).toHaveBeenCalledWith(LEAVE_QUESTION);
    expect(mayLeave({ screen: 'new' })).toBe(true);
    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
  });

  it('does not ask when moving between tabs of the same widget', () => {
    show(true);
    const confirm = vi.spyOn(window, 'confirm');
    expect(mayLeave({ screen: 'widget', id: 'w1', tab: 'schedule' })).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('stops asking once the changes are saved', () => {
    show(true);
    show(false);
    const confirm = vi.spyOn(window, 'confirm');
    expect(mayLeave({ screen: 'list' })).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });
});
