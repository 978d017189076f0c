import { describe, expect, it } from 'vitest';
import { requestHash } from '../../src/orders/request-hash';

describe('requestHash', () => {
  it('ignores key order and absent values, and tells any other difference apart', () => {
    const a = requestHash({ phone: '+7', page: { url: 'u', utm: { source: 's' } }, now: true });
    expect(requestHash({ now: true, page: { utm: { source: 's' }, url: 'u' }, phone: '+7' })).toBe(
      a,
    );
    expect(
      requestHash({
        now: true,
        page: { utm: { source: 's' }, url: 'u' },
        phone: '+7',
        name: undefined,
      }),
    ).toBe(a);
    expect(
      requestHash({ phone: '+7', page: { url: 'u', utm: { source: 'S' } }, now: true }),
    ).not.toBe(a);
    expect(requestHash({ phone: '+7', page: { url: 'u', utm: { source: 's' } } })).not.toBe(a);
    expect(requestHash(['a', 'b'])).not.toBe(requestHash(['b', 'a']));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
