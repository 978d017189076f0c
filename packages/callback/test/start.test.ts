// @vitest-environment jsdom
import { start } from '@frontdesk/callback';
import type { WidgetHost } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callbackConfig } from './fixtures';

function host(config: unknown, extra: Partial<WidgetHost> = {}) {
  const report = vi.fn();
  return {
    key: 'test-callback',
    config,
    consent: false,
    api: 'https://fd.example/v1/',
    emit: vi.fn(),
    ...extra,
    report,
  };
}

const shadow = () => document.querySelector('frontdesk-callback')?.shadowRoot;

afterEach(() => document.body.replaceChildren());

describe('start (the launcher chunk)', () => {
  it('mounts its own element with an open shadow root and a launcher named by the button text', () => {
    const config = callbackConfig();
    const h = host(config);
    start(h);
    const element = document.querySelector('frontdesk-callback');
    expect(element?.getAttribute('data-widget')).toBe('test-callback');
    const launcher = shadow()?.querySelector('button.launcher');
    expect(launcher?.textContent).toBe(config.appearance.working.buttonText);
    expect(launcher?.getAttribute('data-format')).toBe('button');
    expect(launcher?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(launcher?.getAttribute('aria-expanded')).toBe('false');
    expect(shadow()?.querySelector('.fd')?.getAttribute('data-position')).toBe('right');
    expect(h.report).not.toHaveBeenCalled();
    // Styles come only from adopted sheets: no style element, no style attribute anywhere.
    expect(shadow()?.querySelectorAll('style, [style]')).toHaveLength(0);
  });

  it('shows the launcher the embed code asks for, else the config one', () => {
    start(host(callbackConfig(), { launcher: 'label' }));
    expect(shadow()?.querySelector('.launcher')?.getAttribute('data-format')).toBe('label');
    document.body.replaceChildren();
    start(host(callbackConfig(), { launcher: 'link' }));
    expect(shadow()?.querySelector('.launcher')).toBeNull();
    document.body.replaceChildren();
    const label = callbackConfig((s) => ({
      ...s,
      appearance: { ...s.appearance, callFormat: 'label', position: 'left' },
    }));
    start(host(label));
    expect(shadow()?.querySelector('.launcher')?.getAttribute('data-format')).toBe('label');
    expect(shadow()?.querySelector('.fd')?.getAttribute('data-position')).toBe('left');
  });

  it('refuses a config with a wrong type: one error naming the field, nothing mounted, no throw', () => {
    const config = callbackConfig() as unknown as { appearance: Record<string, unknown> };
    config.appearance.primaryColor = 42;
    const h = host(config);
    const handle = start(h);
    expect(h.report).toHaveBeenCalledTimes(1);
    const error = h.report.mock.calls[0]?.[0] as Error & { code: string };
    expect(error.message).toBe(
      'widget "test-callback": config field "appearance.primaryColor" must be a colour "#rrggbb"',
    );
    expect(error.code).toBe('invalid_config');
    expect(document.querySelector('frontdesk-callback')).toBeNull();
    expect(() => {
      handle.open();
      handle.identify({ name: 'x' });
      handle.close();
      handle.destroy();
    }).not.toThrow();
  });

  it('ignores keys it does not know, and counts the rest of the issues', () => {
    const config = { ...callbackConfig(), futureOption: { a: 1 } };
    const h = host(config);
    start(h);
    expect(h.report).not.toHaveBeenCalled();

    const broken = { ...callbackConfig(), mode: 'psychic', country: 'de' };
    const h2 = host(broken);
    start(h2);
    expect((h2.report.mock.calls[0]?.[0] as Error | undefined)?.message).toBe(
      'widget "test-callback": config field "mode" must be "automatic" or "manual" (and 1 more)',
    );
  });

  it('reports a config of another widget type', () => {
    const h = host({ ...callbackConfig(), type: 'chat' });
    start(h);
    expect((h.report.mock.calls[0]?.[0] as Error | undefined)?.message).toMatch(
      /^widget "test-callback": config field/,
    );
  });

  it('takes itself off the page on destroy', () => {
    const handle = start(host(callbackConfig()));
    handle.destroy();
    expect(document.querySelector('frontdesk-callback')).toBeNull();
  });
});
