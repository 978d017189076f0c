import { describe, expect, it } from 'vitest';
import { orderAttempt } from '../src/order-attempt';
import { callbackRequest } from './fixtures';

describe('an attempt at sending the callback form', () => {
  let keys = 0;
  const newKey = () => `key-${++keys}`;

  it('goes under a fresh key the first time', () => {
    const first = orderAttempt(callbackRequest('+79161234567'), undefined, newKey);
    expect(first).toEqual({ body: JSON.stringify(callbackRequest('+79161234567')), key: 'key-1' });
  });

  it('keeps the key for a repeat of the same order, so the platform stores it once', () => {
    const first = orderAttempt(callbackRequest('+79161234567'), undefined, newKey);
    const again = orderAttempt(callbackRequest('+79161234567'), first, newKey);
    expect(again.key).toBe(first.key);
  });

  it('takes a fresh key for another order', () => {
    const first = orderAttempt(callbackRequest('+79161234567'), undefined, newKey);
    const other = orderAttempt(callbackRequest('+79161234568'), first, newKey);
    expect(other.key).not.toBe(first.key);
    expect(other.body).toBe(JSON.stringify(callbackRequest('+79161234568')));
  });
});
