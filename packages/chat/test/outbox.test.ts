import { dropMessage, keepMessage, keptMessages } from '@frontdesk/chat';
import { createConsentStorage } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('the outbox', () => {
  it('keeps messages in order and drops them by client id', () => {
    const storage = createConsentStorage(false, () => {
      throw new Error('no storage here');
    });
    keepMessage(storage, 'box', { clientId: 'aaaaaaaa', text: 'one' });
    keepMessage(storage, 'box', { clientId: 'bbbbbbbb', text: 'two' });
    expect(keptMessages(storage, 'box').map((m) => m.text)).toEqual(['one', 'two']);
    dropMessage(storage, 'box', 'aaaaaaaa');
    dropMessage(storage, 'box', 'unknown1');
    expect(keptMessages(storage, 'box').map((m) => m.text)).toEqual(['two']);
    dropMessage(storage, 'box', 'bbbbbbbb');
    expect(storage.get('box')).toBeUndefined();
  });

  it('reads an unreadable value as empty', () => {
    const storage = createConsentStorage(false, () => {
      throw new Error('no storage here');
    });
    storage.set('box', '{not json');
    expect(keptMessages(storage, 'box')).toEqual([]);
    storage.set('box', '{"a":1}');
    expect(keptMessages(storage, 'box')).toEqual([]);
  });
});
