// @vitest-environment jsdom
import './after-paint';
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Alert,
  type AlertSinks,
  BURST_MS,
  createAlerts,
  MUTED_KEY,
  useAlerts,
} from '../src/alerts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** Sinks recording what was done, with a clock and a tab visibility the test sets. */
function sinks() {
  const state = { now: 0, hidden: false };
  const out = {
    state,
    chime: vi.fn(),
    desktop: vi.fn(),
    hidden: () => state.hidden,
    now: () => state.now,
  } satisfies AlertSinks & { state: typeof state };
  return out;
}

const message: Alert = { title: 'Anna', body: 'Hello', tag: 'chat-c1', onClick: () => undefined };

describe('alerts', () => {
  it('chime once per burst: not again until a quiet spell', () => {
    const s = sinks();
    const alert = createAlerts(s);
    alert(message, false);
    for (const at of [1000, 2000, 2000 + BURST_MS - 1]) {
      s.state.now = at;
      alert(message, false);
    }
    expect(s.chime).toHaveBeenCalledTimes(1);
    s.state.now += BURST_MS;
    alert(message, false);
    expect(s.chime).toHaveBeenCalledTimes(2);
  });

  it('show a desktop notification only while the tab is hidden, silent when muted', () => {
    const s = sinks();
    const alert = createAlerts(s);
    alert(message, false);
    expect(s.desktop).not.toHaveBeenCalled();
    s.state.hidden = true;
    s.state.now = BURST_MS * 2;
    alert(message, true);
    expect(s.chime).toHaveBeenCalledTimes(1);
    expect(s.desktop).toHaveBeenCalledWith({ ...message, silent: true });
  });

  it('remember the mute switch in this browser', async () => {
    const s = sinks();
    function Probe() {
      const alerts = useAlerts(s);
      return h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(alerts.muted),
          onClick: () => alerts.setMuted(!alerts.muted),
        },
        'Mute',
      );
    }
    render(h(Probe, {}));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mute' }));
    expect(localStorage.getItem(MUTED_KEY)).toBe('1');
    cleanup();
    render(h(Probe, {}));
    expect(screen.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
  });
});
