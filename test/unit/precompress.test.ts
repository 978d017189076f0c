/** The browser builds' compressed copies (`precompressFiles` of the root vite.config.ts). */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressFiles } from '../../vite.config.ts';

describe('precompressFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-precompress-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a brotli and a gzip copy that decompress to the file, both smaller', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `export const a${i} = ${i * 7};`).join('\n');
    await writeFile(join(dir, 'chunk-Ab12Cd34.js'), text);
    await precompressFiles(dir, ['chunk-Ab12Cd34.js']);
    const brotli = await readFile(join(dir, 'chunk-Ab12Cd34.js.br'));
    const gzip = await readFile(join(dir, 'chunk-Ab12Cd34.js.gz'));
    expect(brotliDecompressSync(brotli).toString()).toBe(text);
    expect(gunzipSync(gzip).toString()).toBe(text);
    expect(brotli.length).toBeLessThan(gzip.length);
    expect(gzip.length).toBeLessThan(text.length / 3);
  });

  it('writes no copy that would not be smaller, and touches only the files named', async () => {
    await writeFile(join(dir, 'tiny.js'), 'export{};');
    await writeFile(join(dir, 'tiny.js.map'), '{}');
    await precompressFiles(dir, ['tiny.js']);
    expect((await readdir(dir)).sort()).toEqual(['tiny.js', 'tiny.js.map']);
  });
});
