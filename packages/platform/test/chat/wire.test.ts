import { describe, expect, it } from 'vitest';
import type { StoredChatMessage } from '../../src/chat/chat-records';
import { wireMessage } from '../../src/chat/wire';

const reply: StoredChatMessage = {
  id: 'm1',
  conversationId: 'c1',
  seq: 2,
  clientId: 'operator-0001',
  author: 'operator',
  operator: { id: 'u1', name: 'Olga Operator', photoUrl: 'https://cdn.example/olga.png' },
  text: 'Hello',
  at: Date.parse('2026-03-04T07:00:00Z'),
  published: true,
};

describe('wireMessage', () => {
  it('gives the console the name and photo, and the visitor only what the settings allow', () => {
    const base = {
      id: 'm1',
      conversationId: 'c1',
      seq: 2,
      clientId: 'operator-0001',
      author: 'operator',
      text: 'Hello',
      at: '2026-03-04T07:00:00.000Z',
    };
    expect(wireMessage(reply)).toEqual({
      ...base,
      operator: { name: 'Olga Operator', photoUrl: 'https://cdn.example/olga.png' },
    });
    expect(wireMessage(reply, { showOperatorName: true, showOperatorPhoto: false })).toEqual({
      ...base,
      operator: { name: 'Olga Operator' },
    });
    expect(wireMessage(reply, { showOperatorName: false, showOperatorPhoto: true })).toEqual({
      ...base,
      operator: { photoUrl: 'https://cdn.example/olga.png' },
    });
    expect(wireMessage(reply, { showOperatorName: false, showOperatorPhoto: false })).toEqual(base);
    const noPhoto = { ...reply, operator: { id: 'u1', name: 'Olga Operator', photoUrl: null } };
    expect(wireMessage(noPhoto, { showOperatorName: false, showOperatorPhoto: true })).toEqual(
      base,
    );
  });
});
