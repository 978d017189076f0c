// @vitest-environment jsdom
import { oneDialog } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (detail: unknown) => void;

/** A stand-in of the loader's page API: `on` and the events it would emit. */
function pageApi() {
  const listeners = new Map<string, Listener[]>();
  const api = (command: string, event: string, listener: Listener) => {
    if (command === 'on') listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  };
  (window as unknown as { Frontdesk: typeof api }).Frontdesk = api;
  return (event: string, detail: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(detail);
  };
}

afterEach(() => {
  delete (window as unknown as { Frontdesk?: unknown }).Frontdesk;
});

describe('oneDialog', () => {
  it('closes a widget when another one opens, not when it opens itself', () => {
    const emit = pageApi();
    const closeChat = vi.fn();
    const closeCall = vi.fn();
    oneDialog('chat', closeChat);
    oneDialog('call', closeCall);
    emit('open', { widget: 'chat' });
    expect(closeChat).not.toHaveBeenCalled();
    expect(closeCall).toHaveBeenCalledTimes(1);
    emit('open', { widget: 'call' });
    expect(closeChat).toHaveBeenCalledTimes(1);
  });

  it('knows while another widget is open', () => {
    const emit = pageApi();
    const callback = oneDialog('callback', () => {});
    expect(callback.othersOpen()).toBe(false);
    emit('open', { widget: 'chat' });
    expect(callback.othersOpen()).toBe(true);
    emit('open', { widget: 'callback' });
    emit('close', { widget: 'chat' });
    expect(callback.othersOpen()).toBe(false);
  });

  it('does nothing without a loader on the page (the Studio preview)', () => {
    const close = vi.fn();
    expect(oneDialog('preview', close).othersOpen()).toBe(false);
    expect(close).not.toHaveBeenCalled();
  });
});
