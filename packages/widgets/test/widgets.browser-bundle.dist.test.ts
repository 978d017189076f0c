/**
 * The widgets' browser build as the platform serves it (`dist/browser/`): the loader imports
 * `call.js`, `callback.js` or `chat.js`, each a small entry over one shared runtime chunk (the
 * shell, the launcher, config parsing) that shows its launcher; Preact, the dialog, the form,
 * phone validation, sip.js and socket.io-client arrive in chunks imported only dynamically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../dist/browser');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
const STATIC_IMPORT = /(?:^|[;}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(["'`]\.\/([\w-]+\.js)["'`]\)/g;
const ENTRIES = ['call.js', 'callback.js', 'chat.js'];
const only = (prefix: string) => {
  const found = files.filter((file) => file.startsWith(prefix));
  expect(found, prefix).toHaveLength(1);
  return found[0] as string;
};
const staticImports = (file: string) =>
  [...read(file).matchAll(STATIC_IMPORT)].map((match) => match[1] as string);
/** Every chunk `file` needs before it runs: its static imports, theirs, and so on. */
function statically(file: string, seen = new Set<string>()): Set<string> {
  for (const chunk of staticImports(file)) {
    if (!seen.has(chunk)) statically(chunk, seen.add(chunk));
  }
  return seen;
}
/** What a launcher runs before it shows: the entry and its static imports. */
const launcherCode = (entry: string) =>
  [entry, ...statically(entry)].map((file) => read(file)).join('\n');
const loadsLater = (file: string, chunk: string) =>
  [...read(file).matchAll(DYNAMIC_IMPORT)].some((match) => match[1] === chunk);
const SOCKET_IO = /engine\.io|transports|EIO|upgrade/;

describe('the widgets browser build', () => {
  it('has stable launcher entries and hashed chunks (cached for a year by the platform)', () => {
    for (const entry of ENTRIES) expect(files).toContain(entry);
    for (const file of files.filter((name) => !ENTRIES.includes(name))) {
      expect(file).toMatch(/^[a-z-]+-[\w-]{8}\.js$/);
    }
  });

  it('the three launchers share one runtime chunk: a page with several loads it once', () => {
    const runtime = only('widget-shell-');
    for (const entry of ENTRIES) expect(statically(entry).has(runtime), entry).toBe(true);
    // The shell's code is in the runtime, not copied into an entry.
    for (const entry of ENTRIES) expect(read(entry)).not.toContain('aria-haspopup');
    expect(read(runtime)).toContain('aria-haspopup');
  });

  it('a launcher carries no Preact, placement, phone validation, sip.js or socket.io', () => {
    for (const entry of ENTRIES) {
      const code = launcherCode(entry);
      expect(code, entry).not.toMatch(/libphonenumber|computePosition|SessionDescriptionHandler/);
      expect(code, entry).not.toMatch(/Symbol\.for\(["'`]pv["'`]\)/);
      expect(SOCKET_IO.test(code), entry).toBe(false);
    }
    expect(read('callback.js')).toMatch(
      /import\(["'`]\.\/callback-open-widget-[\w-]{8}\.js["'`]\)/,
    );
  });

  it('reaches sip.js only by a dynamic import of the call launcher', () => {
    const sip = only('call-sip-call-');
    expect(read(sip)).toMatch(/SessionDescriptionHandler/);
    expect(loadsLater('call.js', sip)).toBe(true);
    for (const file of files) expect(staticImports(file), file).not.toContain(sip);
  });

  it('reaches the call itself (states, mute, dial pad) only by a dynamic import of the opened call', () => {
    const live = only('call-live-call-');
    expect(read(live)).toMatch(/["`]aria-pressed["`]:/);
    for (const file of files) expect(staticImports(file), file).not.toContain(live);
    expect(loadsLater(only('call-open-widget-'), live)).toBe(true);
    // Nothing the opened call needs before the call button is pressed carries the call's code,
    // its states or the platform client (the size budget counts the opened call without them).
    const opened = [only('call-open-widget-'), ...statically(only('call-open-widget-'))];
    for (const file of opened) expect(read(file), file).not.toMatch(/["`]aria-pressed["`]:/);
    expect(opened).not.toContain(only('call-state-'));
    expect(opened).not.toContain(only('platform-client-'));
    expect(statically(live)).toContain(only('platform-client-'));
  });

  it('reaches socket.io-client only by a dynamic import of the chat session chunk', () => {
    const socket = only('chat-socket-io-');
    expect(SOCKET_IO.test(read(socket))).toBe(true);
    for (const file of files) expect(staticImports(file), file).not.toContain(socket);
    expect(loadsLater(only('chat-connect-session-'), socket)).toBe(true);
  });

  it('reaches the phone checker (libphonenumber-js) only by a dynamic import of the form', () => {
    const checker = only('callback-check-phone-');
    expect(read(checker)).toMatch(/TOO_SHORT/);
    for (const file of files) expect(staticImports(file), file).not.toContain(checker);
    expect(loadsLater(only('submit-callback-'), checker)).toBe(true);
    // Nothing the opened form needs before a number is entered carries the checker's code.
    const opened = statically(only('callback-open-widget-'));
    for (const file of opened) expect(read(file), file).not.toMatch(/TOO_SHORT/);
  });

  it('connects over WebSocket only: no polling or WebTransport code', () => {
    expect(/XMLHttpRequest|WebTransport|ActiveXObject/.test(read(only('chat-socket-io-')))).toBe(
      false,
    );
  });

  it('the chat’s callback tab is a chunk of its own, loaded by the window', () => {
    const tab = only('chat-callback-tab-');
    expect(loadsLater(only('chat-open-widget-'), tab)).toBe(true);
    expect(launcherCode('chat.js').includes('fd-phone')).toBe(false);
    expect(files.filter((file) => /^callback-texts-(en|ru)-/.test(file))).toHaveLength(2);
  });

  it('names no source map in the scripts, which every visitor would download (the platform’s header does)', () => {
    for (const file of files) expect(read(file), file).not.toMatch(/sourceMappingURL/);
    for (const file of files) expect(readdirSync(dir), file).toContain(`${file}.map`);
  });

  it('adds no style elements, style attributes or preload links to a page', () => {
    for (const file of files) {
      expect(read(file), file).not.toMatch(
        /createElement\(["'`](?:style|link|script)["'`]\)|setAttribute\(["'`]style["'`]|insertAdjacentHTML|document\.write|modulepreload/,
      );
    }
  });
});
