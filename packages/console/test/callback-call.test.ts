/** The console's reading of an automatic callback's INVITE (`X-Frontdesk-Callback`). */
import { describe, expect, it } from 'vitest';
import { orderCaller, parseCallbackOrder } from '../src/callback-call';

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

describe('an automatic callback’s order', () => {
  it('parses the header (base64 of UTF-8 JSON) and says whom the call is about', () => {
    const order = {
      id: 'o1',
      phone: '+79161110002',
      name: 'Иван',
      widget: { id: 'w1', name: 'Перезвоните мне' },
    };
    const parsed = parseCallbackOrder(base64(order));
    expect(parsed).toEqual(order);
    expect(parsed && orderCaller(parsed)).toBe('Иван, +79161110002');
    expect(orderCaller({ ...order, name: null })).toBe('+79161110002');
  });

  it('is null for a call from the site and for anything else', () => {
    expect(parseCallbackOrder(undefined)).toBeNull();
    expect(parseCallbackOrder('%%%')).toBeNull();
    expect(parseCallbackOrder(base64(['o1']))).toBeNull();
    expect(parseCallbackOrder(base64({ id: 'o1', phone: '+79161110002' }))).toBeNull();
  });
});
