/**
 * What a widget's `start` gets from the loader, for the tests of every widget's launcher chunk:
 * a host whose `emit` and `report` are spies, and the check that a start refused its config.
 */
import type { WidgetHost } from '@frontdesk/core';
import { expect, vi } from 'vitest';

/** A {@link WidgetHost} whose `emit` and `report` record their calls. */
export type TestHost = WidgetHost & {
  emit: ReturnType<typeof vi.fn<WidgetHost['emit']>>;
  report: ReturnType<typeof vi.fn<WidgetHost['report']>>;
};

/**
 * The host of widget `key` with `config` (passed on unchecked, as the loader does), consent not
 * given, on the platform at https://fd.example/v1/, with `extra` over that; `emit` and `report`
 * are always fresh spies.
 */
export function testHost(key: string, config: unknown, extra: Partial<WidgetHost> = {}): TestHost {
  return {
    key,
    config,
    consent: false,
    api: 'https://fd.example/v1/',
    ...extra,
    emit: vi.fn<WidgetHost['emit']>(),
    report: vi.fn<WidgetHost['report']>(),
  };
}

/**
 * Expects that the start given `host` refused its config: `message` reported, once, and no
 * `element` (the widget's custom element) put on the page.
 */
export function expectRefused(host: TestHost, message: string, element: string): void {
  expect(host.report.mock.calls).toEqual([[expect.objectContaining({ message })]]);
  expect(document.querySelector(element)).toBeNull();
}
