// @vitest-environment jsdom
import { onIntent } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('onIntent', () => {
  it('loads once, on the first sign of intent', () => {
    const button = document.createElement('button');
    document.body.append(button);
    const load = vi.fn();
    onIntent(button, load);
    button.dispatchEvent(new Event('focusin'));
    button.dispatchEvent(new Event('pointerover'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('takes only the elements it accepts', () => {
    const link = document.createElement('a');
    link.dataset.open = 'yes';
    const other = document.createElement('p');
    document.body.append(link, other);
    const load = vi.fn();
    onIntent(document, load, { accept: (element) => element.hasAttribute('data-open') });
    other.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    link.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads when the browser is idle after the page has loaded, or never once cancelled', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', vi.fn());
    const load = vi.fn();
    onIntent(document.createElement('button'), load);
    expect(document.readyState).toBe('complete');
    expect(idle).toHaveLength(1);
    idle[0]?.();
    expect(load).toHaveBeenCalledTimes(1);

    const later = vi.fn();
    const cancel = onIntent(document.createElement('button'), later);
    cancel();
    expect(cancelIdleCallback).toHaveBeenLastCalledWith(2);
    idle[1]?.();
    expect(later).not.toHaveBeenCalled();
  });

  it('falls back to a timer where there is no requestIdleCallback', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const load = vi.fn();
    onIntent(document.createElement('button'), load, { idleMs: 1000 });
    vi.advanceTimersByTime(999);
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
