import { describe, expect, it } from 'vitest';
import { isScheduled, matchesOrderFilter, sortOrders, waitsForMe } from '../src/callback-order';
import { NOW, order } from './order-fixtures';

describe('the order lists', () => {
  const later = order({ id: 'later', status: 'new', slot: NOW + 30 * 60_000 });
  const sooner = order({ id: 'sooner', status: 'new', slot: NOW + 60_000, createdAt: NOW });
  const due = order({ id: 'due', status: 'new', slot: NOW });
  const ringing = order({ id: 'ringing', createdAt: NOW - 120_000 });
  const accepted = order({ id: 'accepted', status: 'accepted', createdAt: NOW });
  const done = order({ id: 'done', status: 'done', createdAt: NOW - 5000 });
  const failed = order({ id: 'failed', status: 'failed', createdAt: NOW - 1000 });
  const all = [later, sooner, due, ringing, accepted, done, failed];
  const shown = (filter: Parameters<typeof sortOrders>[1]) =>
    sortOrders(
      all.filter((o) => matchesOrderFilter(o, filter, NOW)),
      filter,
    ).map((o) => o.id);

  it('puts an order whose slot is still to come under Scheduled, soonest first', () => {
    expect(isScheduled(later, NOW)).toBe(true);
    expect(isScheduled(due, NOW)).toBe(false);
    expect(isScheduled(accepted, NOW)).toBe(false);
    expect(shown('scheduled')).toEqual(['sooner', 'later']);
  });

  it('lists open orders by urgency, and done and failed ones under Closed, newest first', () => {
    expect(shown('open')).toEqual(['ringing', 'due', 'accepted']);
    expect(shown('closed')).toEqual(['failed', 'done']);
  });

  it('counts what waits for this operator: orders ringing them, manual ones nobody took', () => {
    const ringsMe = new Set(['ringing']);
    expect(waitsForMe(ringing, ringsMe, NOW)).toBe(true);
    expect(waitsForMe(order({ id: 'elsewhere' }), ringsMe, NOW)).toBe(false);
    expect(waitsForMe(order({ status: 'new', mode: 'manual' }), ringsMe, NOW)).toBe(true);
    expect(waitsForMe({ ...later, mode: 'manual' }, ringsMe, NOW)).toBe(false);
    expect(waitsForMe(accepted, ringsMe, NOW)).toBe(false);
  });
});
