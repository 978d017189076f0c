// @vitest-environment jsdom
import { start } from '@frontdesk/callback';
import type { WidgetHost } from '@frontdesk/core';
import { afterEach, describe, expect, it } from 'vitest';
import { allElements } from '../../core/test/support/all-elements';
import { expectRefused, testHost } from '../../core/test/support/widget-host';
import { inWidget, widgetRoot } from '../../core/test/support/widget-root';
import { callbackConfig } from './fixtures';

const host = (config: unknown, extra: Partial<WidgetHost> = {}) =>
  testHost('test-callback', config, extra);

const widget = () => inWidget('frontdesk-callback');
/** The widget's frame: the one child of its shadow root, which carries the look's position. */
const frame = () => widgetRoot('frontdesk-callback')?.firstElementChild;
/** Every element inside the widget's shadow root. */
const elements = () =>
  allElements(widgetRoot('frontdesk-callback') ?? document.createDocumentFragment());

afterEach(() => document.body.replaceChildren());

describe('start (the launcher chunk)', () => {
  it('mounts its own element with an open shadow root and a launcher named by the button text', () => {
    const config = callbackConfig();
    const h = host(config);
    start(h);
    const element = document.querySelector('frontdesk-callback');
    expect(element?.getAttribute('data-widget')).toBe('test-callback');
    // The visitor's language (jsdom's browser speaks en-US), as the config offers it.
    const launcher = widget().getByRole('button', {
      name: config.appearance.working.buttonText.en,
      expanded: false,
    });
    expect(widget().getAllByRole('button')).toEqual([launcher]);
    expect(launcher.textContent).toBe(config.appearance.working.buttonText.en);
    expect(launcher.getAttribute('data-format')).toBe('button');
    expect(launcher.getAttribute('aria-haspopup')).toBe('dialog');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(frame()?.getAttribute('data-position')).toBe('right');
    expect(frame()?.contains(launcher)).toBe(true);
    expect(h.report).not.toHaveBeenCalled();
    // Styles come only from adopted sheets: no style element, no style attribute anywhere.
    expect(elements().length).toBeGreaterThan(1);
    expect(
      elements().filter(
        (element) => element.localName === 'style' || element.hasAttribute('style'),
      ),
    ).toHaveLength(0);
  });

  it('shows the launcher the embed code asks for, else the config one', () => {
    start(host(callbackConfig(), { launcher: 'label' }));
    expect(widget().getByRole('button').getAttribute('data-format')).toBe('label');
    document.body.replaceChildren();
    start(host(callbackConfig(), { launcher: 'link' }));
    expect(widget().queryByRole('button', { hidden: true })).toBeNull();
    document.body.replaceChildren();
    const label = callbackConfig((s) => ({
      ...s,
      appearance: { ...s.appearance, callFormat: 'label', position: 'left' },
    }));
    start(host(label));
    expect(widget().getByRole('button').getAttribute('data-format')).toBe('label');
    expect(frame()?.getAttribute('data-position')).toBe('left');
  });

  // What a guarded start does with a bad config is tested once, in core's guarded-start.test.ts:
  // here, only that this start is guarded by the callback's own schema.
  it('validates against the callback schema: the wrong field reported once, nothing mounted', () => {
    const config = callbackConfig() as unknown as { appearance: Record<string, unknown> };
    config.appearance.primaryColor = 42;
    const h = host(config);
    start(h);
    expectRefused(
      h,
      'widget "test-callback": config field "appearance.primaryColor" must be a colour "#rrggbb"',
      'frontdesk-callback',
    );
  });

  it('takes itself off the page on destroy', () => {
    const handle = start(host(callbackConfig()));
    handle.destroy();
    expect(document.querySelector('frontdesk-callback')).toBeNull();
  });
});
