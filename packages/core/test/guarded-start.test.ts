import { CALL_LAUNCHER_FIELDS, CHAT_LAUNCHER_FIELDS } from '@frontdesk/config';
import { configError, guardedStart } from '@frontdesk/core';
import { describe, expect, it, vi } from 'vitest';
import { callConfig as config } from './support/call-config';
import { testHost } from './support/widget-host';

const host = (value: unknown) => testHost('k', value);

const handle = { open() {}, close() {}, identify() {}, consent() {}, destroy() {} };

describe('guardedStart', () => {
  it('runs the widget with the config once the fields its launcher reads pass their checks', () => {
    const run = vi.fn(() => handle);
    const h = host({ ...config, unknownKey: 1 });
    expect(guardedStart('call', CALL_LAUNCHER_FIELDS, run)(h)).toBe(handle);
    expect(run).toHaveBeenCalledWith(h, h.config);
    expect(h.report).not.toHaveBeenCalled();
  });

  it('reports a bad launcher field or another type, and runs nothing', () => {
    const run = vi.fn(() => handle);
    const bad = host({ ...config, appearance: { ...config.appearance, position: 'top' } });
    const inert = guardedStart('call', CALL_LAUNCHER_FIELDS, run)(bad);
    expect(run).not.toHaveBeenCalled();
    expect((bad.report.mock.calls[0]?.[0] as Error | undefined)?.message).toBe(
      'widget "k": config field "appearance.position" must be "left" or "right"',
    );
    expect(() => inert.open()).not.toThrow();
    const other = host(config);
    guardedStart('chat', CHAT_LAUNCHER_FIELDS, run)(other);
    expect((other.report.mock.calls[0]?.[0] as Error | undefined)?.message).toBe(
      'widget "k": config field "type" must be "chat"',
    );
    const none = host(null);
    guardedStart('call', CALL_LAUNCHER_FIELDS, run)(none);
    expect((none.report.mock.calls[0]?.[0] as Error | undefined)?.message).toBe(
      'widget "k": config field "type" must be "call"',
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('reports what the widget throws instead of throwing into the page', () => {
    const h = host(config);
    const failing = guardedStart('call', CALL_LAUNCHER_FIELDS, () => {
      throw new Error('boom');
    });
    expect(() => failing(h)).not.toThrow();
    expect((h.report.mock.calls[0]?.[0] as Error | undefined)?.message).toBe('boom');
  });
});

describe('configError', () => {
  it('names the first field, counts the rest and carries a code', () => {
    const error = configError('k', [
      { path: 'a.b', message: 'is wrong' },
      { path: 'c', message: 'too' },
    ]);
    expect(error.message).toBe('widget "k": config field "a.b" is wrong (and 1 more)');
    expect((error as Error & { code: string }).code).toBe('invalid_config');
    expect(configError('k', []).message).toBe('widget "k": config field "(root)" is invalid');
  });
});
