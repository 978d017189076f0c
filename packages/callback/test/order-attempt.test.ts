import { describe, expect, it } from 'vitest';
import { orderAttempt } from '../src/order-attempt';
import type { CallbackRequest } from '../src/submit-callback';

const request = (phone: string): CallbackRequest => ({
  phone,
  now: true,
  page: { url: 'https://shop.example/', title: 'Shop', referrer: '', utm: {} },
  timeZone: 'Europe/Moscow',
  website: '',
});

describe('an attempt at sending the callback form', () => {
  let keys = 0;
  const newKey = () => `key-${++keys}`;

  it('goes under a fresh key the first time', () => {
    const first = orderAttempt(request('+79161234567'), undefined, newKey);
    expect(first).toEqual({ body: JSON.stringify(request('+79161234567')), key: 'key-1' });
  });

  it('keeps the key for a repeat of the same order, so the platform stores it once', () => {
    const first = orderAttempt(request('+79161234567'), undefined, newKey);
    const again = orderAttempt(request('+79161234567'), first, newKey);
    expect(again.key).toBe(first.key);
  });

  it('takes a fresh key for another order', () => {
    const first = orderAttempt(request('+79161234567'), undefined, newKey);
    const other = orderAttempt(request('+79161234568'), first, newKey);
    expect(other.key).not.toBe(first.key);
    expect(other.body).toBe(JSON.stringify(request('+79161234568')));
  });
});
