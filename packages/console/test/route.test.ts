import { describe, expect, it } from 'vitest';
import { HOME, orderHref, parseRoute, type Route, routeHref } from '../src/route';

describe('routes in the hash', () => {
  it('round-trips every section with its filter, search words and open item', () => {
    const routes: Route[] = [
      HOME,
      { ...HOME, chats: 'mine', open: { kind: 'chat', id: 'c 1/ä' } },
      { ...HOME, chats: 'unassigned', channel: 'telegram' },
      { ...HOME, section: 'orders', orders: 'scheduled', open: { kind: 'order', id: 'o1' } },
      { ...HOME, section: 'orders', orders: 'closed' },
      { ...HOME, section: 'calls' },
      { ...HOME, section: 'search', q: 'Volna & 50% off', open: { kind: 'chat', id: 'c2' } },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('writes only what a section uses', () => {
    expect(routeHref(HOME)).toBe('#/chats');
    expect(routeHref({ ...HOME, section: 'orders', chats: 'mine' })).toBe('#/orders');
    expect(routeHref({ ...HOME, chats: 'unassigned', open: { kind: 'chat', id: 'c1' } })).toBe(
      '#/chats?filter=unassigned&chat=c1',
    );
    expect(routeHref({ ...HOME, section: 'search', q: 'ivan' })).toBe('#/search?q=ivan');
    expect(routeHref({ ...HOME, section: 'orders', channel: 'telegram' })).toBe('#/orders');
  });

  it('opens an order under the open orders, or under the filter given', () => {
    expect(orderHref('o1')).toBe('#/orders?order=o1');
    expect(orderHref('o 2', 'closed')).toBe('#/orders?filter=closed&order=o+2');
    expect(parseRoute(orderHref('o 2', 'closed')).open).toEqual({ kind: 'order', id: 'o 2' });
  });

  it('falls back to the console’s start for anything unknown', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#/nowhere')).toEqual(HOME);
    expect(parseRoute('#/chats?filter=closed')).toEqual(HOME);
    expect(parseRoute('#/chats?channel=fax')).toEqual(HOME);
    expect(parseRoute('#/orders?filter=mine').orders).toBe('open');
    // A filter or words belong to their own list only.
    expect(parseRoute('#/orders?q=ivan').q).toBe('');
    expect(parseRoute('#/search?q=%20%20ivan%20').q).toBe('ivan');
  });
});
