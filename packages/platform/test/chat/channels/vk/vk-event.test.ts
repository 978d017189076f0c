/**
 * What a VK event means to the chat: a user's message in their private chat (its id, its content
 * — vk-content.ts, tested with the other channels' mappings — the link's ref), a rating button's
 * payload; nothing from a group chat, the community's own messages, other events or malformed
 * bodies. And how a long reply is cut at 4,096 characters, never inside a surrogate pair.
 */
import { describe, expect, it } from 'vitest';
import { MAX_VK_TEXT, splitVkText } from '../../../../src/chat/channels/vk/vk-adapter';
import { readVkUpdate } from '../../../../src/chat/channels/vk/vk-event';

const event = (message: object) => ({
  type: 'message_new',
  group_id: 228000001,
  event_id: 'e1',
  v: '5.199',
  object: {
    message: { id: 41, from_id: 700000001, peer_id: 700000001, out: 0, text: 'Hi', ...message },
    client_info: { keyboard: true },
  },
});

describe('a VK event', () => {
  it('reads a user’s message, with the ref of the link it came from', () => {
    expect(readVkUpdate(event({}))).toEqual({
      kind: 'message',
      userId: 700000001,
      externalId: '41',
      content: { text: 'Hi', attachments: [] },
      ref: undefined,
    });
    expect(readVkUpdate(event({ ref: 'tok_1', ref_source: 'vk.me' }))).toMatchObject({
      ref: 'tok_1',
    });
    // Before 5.103 the message itself was the object.
    expect(
      readVkUpdate({ type: 'message_new', object: { id: 5, from_id: 9, peer_id: 9, text: 'Old' } }),
    ).toMatchObject({
      kind: 'message',
      externalId: '5',
      content: { text: 'Old' },
    });
  });

  it('carries the message’s photo to fetch, its text the caption', () => {
    const photo = {
      type: 'photo',
      photo: {
        id: 1,
        sizes: [{ type: 'x', width: 604, height: 453, url: 'https://vk.test/p.jpg' }],
      },
    };
    expect(readVkUpdate(event({ text: 'This one?', attachments: [photo] }))).toMatchObject({
      kind: 'message',
      content: {
        text: '[photo] This one?',
        attachments: [{ kind: 'image', source: 'https://vk.test/p.jpg' }],
      },
    });
  });

  it('reads a rating button by its payload', () => {
    const payload = JSON.stringify({ rate: 'rate:0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8b:good' });
    expect(readVkUpdate(event({ text: 'Good', payload }))).toEqual({
      kind: 'rating',
      userId: 700000001,
      externalId: '41',
      conversationId: '0194f0a2-7c1e-7d3a-9b1e-3c2d1e0f9a8b',
      rating: 'good',
    });
    // Another button's payload, or none that parses: a message like any other.
    expect(readVkUpdate(event({ payload: '{"command":"start"}' }))).toMatchObject({
      kind: 'message',
    });
    expect(readVkUpdate(event({ payload: '{' }))).toMatchObject({ kind: 'message' });
  });

  it('ignores group chats, the community’s own messages, other events and malformed bodies', () => {
    for (const ignored of [
      event({ peer_id: 2000000001 }),
      event({ from_id: -228000001, peer_id: 700000001 }),
      event({ out: 1 }),
      event({ id: '41' }),
      { ...event({}), type: 'message_reply' },
      { type: 'message_new' },
      null,
      'message_new',
    ]) {
      expect(readVkUpdate(ignored)).toEqual({ kind: 'ignored' });
    }
  });
});

describe('a long reply to VK', () => {
  it('goes in parts of at most 4,096 characters, a surrogate pair never cut', () => {
    expect(splitVkText('short')).toEqual(['short']);
    expect(splitVkText('a'.repeat(MAX_VK_TEXT * 2 + 1)).map((part) => part.length)).toEqual([
      MAX_VK_TEXT,
      MAX_VK_TEXT,
      1,
    ]);
    const parts = splitVkText(`${'a'.repeat(MAX_VK_TEXT - 1)}😀b`);
    expect(parts).toEqual([`${'a'.repeat(MAX_VK_TEXT - 1)}`, '😀b']);
  });
});
