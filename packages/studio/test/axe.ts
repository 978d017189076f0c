/**
 * axe-core over a component rendered in jsdom: the WCAG 2.2 AA rules (tags wcag2a … wcag22aa, as
 * the journeys' runner in test/e2e/axe.ts), each violation as `rule: [targets]`. jsdom lays
 * nothing out, so rules that need layout (colour contrast) come back incomplete, not passed:
 * the e2e journeys check those in Chromium.
 */
import axe from 'axe-core';

/**
 * The WCAG 2.2 AA violations axe finds in `root`: a test's rendered container (the page's own
 * rules — its title, its language — belong to the Studio's page, not to a component).
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const outcome = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return outcome.violations.map(
    (violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((n) => n.target))}`,
  );
}
