// @vitest-environment jsdom
import type { ChatAuth } from '@frontdesk/config';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectChat } from '../src/chat-socket';
import { deferredSocket } from '../src/deferred-socket';
import { MemoryChat } from './memory-chat';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const auth = (): ChatAuth => ({ key: 'test-chat' });

describe('a socket whose code is still to come', () => {
  it('hands the listeners given before it came on to the real socket, which then connects', async () => {
    const server = new MemoryChat();
    let arrive: (connect: ConnectChat) => void = () => {};
    const socket = deferredSocket(() => new Promise((resolve) => (arrive = resolve)))(auth);
    const welcome = vi.fn();
    socket.on('welcome', welcome);
    expect(socket.connected).toBe(false);
    expect(socket.active).toBe(true);
    arrive(server.connect);
    await settle();
    expect(socket.connected).toBe(true);
    expect(welcome).toHaveBeenCalledTimes(1);
    expect(server.opened[0]?.handshakes).toEqual([{ key: 'test-chat' }]);
    const answer = vi.fn();
    socket.emit('handoff', { channel: 'telegram' }, answer);
    await settle();
    expect(answer).toHaveBeenCalledWith(expect.objectContaining({ ok: true }));
  });

  it('a load that fails is a connect error of a socket that waits; connect() loads again', async () => {
    const server = new MemoryChat();
    const load = vi
      .fn<() => Promise<ConnectChat>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue(server.connect);
    const socket = deferredSocket(load)(auth);
    const errors: Error[] = [];
    socket.on('connect_error', (error: Error) => errors.push(error));
    await settle();
    expect(errors.map((error) => error.message)).toEqual(['network']);
    expect(socket.active).toBe(false);
    socket.connect();
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(socket.connected).toBe(true);
    expect(socket.active).toBe(true);
  });

  it('closed before a load failed, it tells of no error (nothing is to be retried)', async () => {
    const socket = deferredSocket(() => Promise.reject(new TypeError('offline')))(auth);
    const errors = vi.fn();
    socket.on('connect_error', errors);
    socket.disconnect();
    await settle();
    expect(errors).not.toHaveBeenCalled();
    expect(socket.active).toBe(false);
  });

  it('disconnected before its code came, it never connects', async () => {
    const server = new MemoryChat();
    const socket = deferredSocket(async () => server.connect)(auth);
    socket.disconnect();
    await settle();
    expect(server.opened).toEqual([]);
    expect(socket.connected).toBe(false);
  });
});
