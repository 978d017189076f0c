// @vitest-environment jsdom
import { onOpenIntent, opener } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => document.body.replaceChildren());

describe('onOpenIntent', () => {
  it('loads on intent towards the launcher', () => {
    const launcher = document.createElement('button');
    document.body.append(launcher);
    const load = vi.fn(async () => undefined);
    const stop = onOpenIntent('k', launcher, load);
    document.body.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    launcher.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('without a launcher, loads on intent towards a link that opens the widget', () => {
    document.body.innerHTML = `<a id="other" href="#">x</a><a id="ours" data-frontdesk-open="k">Chat</a>`;
    const load = vi.fn(async () => {
      throw new Error('offline');
    });
    const stop = onOpenIntent('k', undefined, load);
    document.getElementById('other')?.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    // A failed prefetch is not an unhandled rejection: the opening loads and reports it.
    document.getElementById('ours')?.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('selects the elements that open a widget', () => {
    expect(opener('demo-chat')).toBe('[data-frontdesk-open="demo-chat"]');
  });
});
