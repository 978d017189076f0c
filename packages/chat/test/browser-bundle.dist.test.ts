/**
 * The browser build as the platform serves it (`dist/browser/`): the loader imports `chat.js`,
 * which shows the chat button on its own; socket.io-client is in a chunk of its own that only
 * the session chunk imports, dynamically, never the launcher; engine.io's polling transports
 * are left out (WebSocket only); the callback tab is a chunk of its own too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../dist/browser');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
const STATIC_IMPORT = /(?:^|[;}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(["'`]\.\/([\w-]+\.js)["'`]\)/g;
const only = (prefix: string) => {
  const found = files.filter((file) => file.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0] as string;
};
/** Whether `file` imports `chunk` dynamically. */
const loadsLater = (file: string, chunk: string) =>
  [...read(file).matchAll(DYNAMIC_IMPORT)].some((match) => match[1] === chunk);
/** Signs of socket.io-client's own code. */
const SOCKET_IO = /engine\.io|transports|EIO|upgrade/;

describe('the chat browser build', () => {
  it('has a stable launcher entry and hashed chunks', () => {
    expect(files).toContain('chat.js');
    for (const file of files.filter((name) => name !== 'chat.js')) {
      expect(file).toMatch(/^[a-z-]+-[\w-]{8}\.js$/);
    }
  });

  it('chat.js has no static import, and socket.io-client is not in it', () => {
    const launcher = read('chat.js');
    expect([...launcher.matchAll(STATIC_IMPORT)]).toEqual([]);
    expect(SOCKET_IO.test(launcher)).toBe(false);
    const dynamic = [...launcher.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]);
    expect(dynamic).not.toContain(only('socket-io-'));
  });

  it('reaches socket.io-client only by a dynamic import of the session chunk', () => {
    const socket = only('socket-io-');
    expect(SOCKET_IO.test(read(socket))).toBe(true);
    for (const file of files) {
      const imports = [...read(file).matchAll(STATIC_IMPORT)].map((match) => match[1]);
      expect(
        imports.some((name) => name?.includes('socket-io-')),
        file,
      ).toBe(false);
    }
    expect(loadsLater(only('connect-session-'), socket)).toBe(true);
  });

  it('connects over WebSocket only: no polling or WebTransport code', () => {
    expect(/XMLHttpRequest|WebTransport|ActiveXObject/.test(read(only('socket-io-')))).toBe(false);
  });

  it('the callback tab and its texts are chunks of their own, loaded by the window', () => {
    const tab = only('callback-tab-');
    expect(read(tab).includes('fd-phone')).toBe(true);
    expect(loadsLater(only('open-widget-'), tab)).toBe(true);
    expect(read('chat.js').includes('fd-phone')).toBe(false);
    expect(files.filter((file) => file.startsWith('callback-texts-'))).toHaveLength(2);
  });
});
