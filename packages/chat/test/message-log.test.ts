import type { ChatMessage } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import {
  contiguousSeq,
  fromCompany,
  lastFromCompany,
  mergeMessages,
  unseenAfter,
} from '../src/message-log';

const message = (
  conversationId: string,
  seq: number,
  author: ChatMessage['author'] = 'operator',
  clientId: string | null = null,
): ChatMessage => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  clientId,
  author,
  text: `#${seq}`,
  // Conversation "a" started before "b".
  at: `2026-03-04T0${conversationId === 'a' ? 7 : 8}:00:${String(seq).padStart(2, '0')}.000Z`,
});

describe('the chat’s message log', () => {
  it('adds what is new, conversations in the order they started, each by its sequence', () => {
    const { messages, added } = mergeMessages(
      [message('b', 1), message('a', 2)],
      [message('a', 1), message('b', 2), message('a', 2)],
    );
    expect(messages.map((m) => m.id)).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
    expect(added.map((m) => m.id)).toEqual(['a-1', 'b-2']);
  });

  it('knows a message by its client id too, and keeps the log itself when nothing is new', () => {
    const log = [message('a', 1, 'visitor', 'c1')];
    const same = mergeMessages(log, [{ ...message('a', 7, 'visitor', 'c1') }, message('a', 1)]);
    expect(same.added).toEqual([]);
    expect(same.messages).toBe(log);
  });

  it('tells how far a conversation is held without a gap', () => {
    const log = [message('a', 1), message('a', 2), message('a', 4), message('b', 3)];
    expect(contiguousSeq(log, 'a')).toBe(2);
    expect(contiguousSeq(log, 'b')).toBe(0);
    expect(contiguousSeq(log, undefined)).toBe(0);
  });

  it('counts the company’s messages after the last seen one', () => {
    const log = [
      message('a', 1, 'visitor'),
      message('a', 2, 'operator'),
      message('a', 3, 'visitor'),
      message('a', 4, 'auto'),
    ];
    expect(fromCompany(log[1] as ChatMessage)).toBe(true);
    expect(fromCompany(log[0] as ChatMessage)).toBe(false);
    expect(unseenAfter(log, undefined).map((m) => m.seq)).toEqual([2, 4]);
    expect(unseenAfter(log, ['a', 2]).map((m) => m.seq)).toEqual([4]);
    expect(unseenAfter(log, ['a', 4])).toEqual([]);
    // A mark the log does not hold: everything counts.
    expect(unseenAfter(log, ['b', 9]).map((m) => m.seq)).toEqual([2, 4]);
    expect(lastFromCompany(log, 'a')).toBe(4);
    expect(lastFromCompany(log, 'b')).toBe(0);
  });
});
