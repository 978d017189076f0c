/**
 * axe-core in a Playwright page: the WCAG 2.2 AA rules (tags wcag2a … wcag22aa) over the whole
 * document or the elements `include` names. One runner for every journey that checks a screen.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** What axe found: each violation as `rule: [targets]`, and the ids of the rules that passed. */
export interface AxeOutcome {
  violations: string[];
  passes: string[];
}

/** Runs axe on `page` (only inside the `include` selectors when given). */
export async function runAxe(page: Page, include?: string[]): Promise<AxeOutcome> {
  const require = createRequire(import.meta.url);
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (include) => {
    type Result = { id: string; nodes: { target: unknown }[] };
    const { axe } = window as unknown as {
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{ violations: Result[]; passes: Result[] }>;
      };
    };
    const outcome = await axe.run(include ? { include: include.map((s) => [s]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return {
      violations: outcome.violations.map(
        (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((n) => n.target))}`,
      ),
      passes: outcome.passes.map((pass) => pass.id),
    };
  }, include);
}

/** The WCAG 2.2 AA violations axe finds on `page`. */
export async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  return (await runAxe(page, include)).violations;
}
