import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { bundleDirs } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('bundleDirs', () => {
  let packages: string;
  beforeAll(async () => {
    packages = await mkdtemp(join(tmpdir(), 'fd-packages-'));
    // Two widgets built for browsers, a package built for npm only, one not built at all.
    await mkdir(join(packages, 'loader', 'dist', 'browser'), { recursive: true });
    await mkdir(join(packages, 'callback', 'dist', 'browser'), { recursive: true });
    await mkdir(join(packages, 'config', 'dist'), { recursive: true });
    await mkdir(join(packages, 'studio'), { recursive: true });
  });
  afterAll(() => rm(packages, { recursive: true, force: true }));

  it('finds the browser builds of the workspace’s packages when ASSET_DIRS is unset', () => {
    expect(bundleDirs({}, packages)).toEqual([
      join(packages, 'callback', 'dist', 'browser'),
      join(packages, 'loader', 'dist', 'browser'),
    ]);
    expect(bundleDirs({ ASSET_DIRS: '' }, packages)).toHaveLength(2);
  });

  it('takes ASSET_DIRS’s folders instead when it is set', () => {
    expect(bundleDirs({ ASSET_DIRS: ['/srv/a', '', '/srv/b'].join(delimiter) }, packages)).toEqual([
      '/srv/a',
      '/srv/b',
    ]);
  });

  it('finds nothing outside a workspace', () => {
    expect(bundleDirs({}, join(packages, 'nowhere'))).toEqual([]);
  });
});
