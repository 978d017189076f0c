/** `npm test` holds every package with sources to a coverage floor (README, "Coverage"). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageFloors, coverageThresholds } from '../coverage-floors.ts';

const root = join(import.meta.dirname, '../..');

describe('coverage floors', () => {
  it('cover every package that has sources, and no package that is gone', () => {
    const withSources = readdirSync(join(root, 'packages')).filter((name) =>
      existsSync(join(root, 'packages', name, 'src')),
    );
    expect(Object.keys(coverageFloors).sort()).toEqual(withSources.sort());
  });

  it('are percentages Vitest reads per package', () => {
    for (const [name, floors] of Object.entries(coverageFloors)) {
      for (const floor of floors) expect(floor, name).toBeGreaterThan(0);
      for (const floor of floors) expect(floor, name).toBeLessThanOrEqual(100);
      expect(coverageThresholds[`packages/${name}/src/**`]).toEqual({
        statements: floors[0],
        branches: floors[1],
        functions: floors[2],
        lines: floors[3],
      });
    }
  });

  it('are enforced by the test command: its unit run measures coverage', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toMatch(/pnpm run check$/);
    expect(scripts.check).toMatch(/pnpm run test:unit/);
    expect(scripts['test:unit']).toMatch(/vitest run --project unit --coverage/);
  });
});
