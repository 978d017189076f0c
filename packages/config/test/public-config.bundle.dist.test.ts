/**
 * A widget bundle that imports only the public-config part of the built package gets only that
 * part: the settings schemas, defaults and staff-side rules are dropped by the bundler, and the
 * schedule engine comes without its calendar data.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'frontdesk-config-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The minified bundle of `source` (an ES module importing '@frontdesk/config'). */
async function bundle(source: string): Promise<string> {
  const entry = join(work, 'entry.js');
  writeFileSync(entry, source);
  const result = (await build({
    root: work,
    logLevel: 'silent',
    configFile: false,
    resolve: { alias: { '@frontdesk/config': join(packageDir, 'dist/index.js') } },
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'widget' },
    },
  })) as Rolldown.RolldownOutput[];
  const [output] = result;
  const chunk = output?.output[0];
  if (chunk?.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}

describe('the built package in a widget bundle', () => {
  it('imports only valibot and the calendar-free schedule engine', () => {
    const code = readFileSync(join(packageDir, 'dist/index.js'), 'utf8');
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]).sort();
    expect(imports).toEqual(['@frontdesk/schedule/engine', 'valibot']);
  });

  it('drops everything but the public-config schema', async () => {
    const code = await bundle(
      "import { parsePublicConfig } from '@frontdesk/config';\nexport const parse = parsePublicConfig;\n",
    );
    for (const settingsOnly of [
      'botToken',
      'smsNumbers',
      'autoReplies',
      'nonWorkingEmail',
      'allowedOrigins',
      'outgoingNumber',
      'works only in automatic mode',
      'Перезвоним',
    ]) {
      expect(code, settingsOnly).not.toContain(settingsOnly);
    }
    expect(code).toContain('must be a colour');
    // Public schema, valibot's used parts and the schedule check: a budget, not a measurement.
    expect(gzipSync(code).length).toBeLessThan(9 * 1024);
  });
});
