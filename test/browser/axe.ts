import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * For a test that walks several pages and runs axe-core on each: about 5 s a page when the machine
 * is busy (CI runs two test files beside Chromium on two cores), more than the usual 30 s for six.
 */
export const PAGE_WALK_TIMEOUT = 120_000;

/**
 * axe-core's serious and critical findings on the page as it is now, one readable line each.
 * The page's context needs `bypassCSP`: the server's CSP rightly forbids the inline script axe arrives in.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    () => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
      return `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length}×, e.g. ${where})`;
    });
}
