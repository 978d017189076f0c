import { createConsentStorage, outbox } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

interface Item {
  id: string;
  text: string;
}

const memory = () =>
  createConsentStorage(false, () => {
    throw new Error('no storage here');
  });

describe('the outbox', () => {
  it('keeps items in order, replaces one with the same id, and drops them by id', () => {
    const storage = memory();
    const box = outbox<Item>(storage, 'box', (item) => item.id);
    box.keep({ id: 'a', text: 'one' });
    box.keep({ id: 'b', text: 'two' });
    box.keep({ id: 'a', text: 'one again' });
    expect(box.list().map((item) => item.text)).toEqual(['two', 'one again']);
    box.drop('b');
    box.drop('unknown');
    expect(box.list().map((item) => item.text)).toEqual(['one again']);
    box.drop('a');
    expect(storage.get('box')).toBeUndefined();
  });

  it('reads an unreadable value as empty', () => {
    const storage = memory();
    const box = outbox<Item>(storage, 'box', (item) => item.id);
    storage.set('box', '{not json');
    expect(box.list()).toEqual([]);
    storage.set('box', '{"a":1}');
    expect(box.list()).toEqual([]);
  });
});
